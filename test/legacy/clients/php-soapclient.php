<?php
// A PHP SoapClient driven by the tests: one JSON request per input line
// ({"op": "...", "params": [[name, value], ...], "style": "named"|"map"}), one JSON reply per line.
// Mode "nowsdl" calls without a WSDL as PHP scripts written for SIMPLer do (SoapParam per
// argument, or one associative array, which PHP sends as an Apache Map); mode "wsdl" loads the
// served WSDL and passes the parameters as one array.
[$script, $base, $mode] = $argv;
$client = $mode === 'wsdl'
    ? new SoapClient("$base/API/operatorapi.pl?wsdl", ['cache_wsdl' => WSDL_CACHE_NONE, 'exceptions' => true])
    : new SoapClient(null, ['location' => "$base/API/operatorapi.pl", 'uri' => "$base/OperatorAPI", 'exceptions' => true]);

if ($mode === 'wsdl') {
    fwrite(STDOUT, json_encode(['operations' => count($client->__getFunctions())]) . "\n");
}
while (($line = fgets(STDIN)) !== false) {
    $request = json_decode($line, true);
    try {
        if ($mode === 'wsdl') {
            $args = [];
            foreach ($request['params'] as [$name, $value]) $args[$name] = $value;
            $reply = $client->__soapCall($request['op'], [$args]);
            $result = $reply->return;
        } elseif ($request['style'] === 'map') {
            $args = [];
            foreach ($request['params'] as [$name, $value]) $args[$name] = $value;
            $result = $client->__soapCall($request['op'], [$args]);
        } else {
            $args = array_map(fn($p) => new SoapParam($p[1], $p[0]), $request['params']);
            $result = $client->__soapCall($request['op'], $args);
        }
        fwrite(STDOUT, json_encode(['result' => $result], JSON_UNESCAPED_UNICODE) . "\n");
    } catch (SoapFault $fault) {
        fwrite(STDOUT, json_encode(['fault' => $fault->getMessage(), 'faultcode' => $fault->faultcode]) . "\n");
    }
}
