"""A Python zeep client driven by the tests, with the served WSDL.

One JSON request per input line ({"op": "...", "params": [[name, value], ...]}), one JSON reply
per output line. The first line out reports the operations zeep found in the WSDL.
"""
import json
import sys

import zeep
from zeep.exceptions import Fault

base = sys.argv[1]
client = zeep.Client(f"{base}/API/operatorapi.pl?wsdl")
binding = client.service._binding
print(json.dumps({"operations": sorted(binding._operations.keys())}), flush=True)

for line in sys.stdin:
    request = json.loads(line)
    try:
        result = client.service[request["op"]](**{name: value for name, value in request["params"]})
        print(json.dumps({"result": result}, ensure_ascii=False), flush=True)
    except Fault as fault:
        print(json.dumps({"fault": fault.message, "faultcode": fault.code}), flush=True)
    except Exception as error:  # validation errors raised by zeep itself
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}), flush=True)
