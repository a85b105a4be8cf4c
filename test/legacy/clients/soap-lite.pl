#!/usr/bin/perl
# A SOAP::Lite client driven by the tests: one JSON request per input line
# ({"op": "...", "params": [[name, value], ...], "style": "named"|"positional"}),
# one JSON reply per output line ({"result": "..."} or {"fault": "...", "faultcode": "..."}).
# It calls the API exactly as the SIMPLer document shows, without a WSDL.
use strict;
use warnings;
use JSON::PP;
use SOAP::Lite;

my $base = shift @ARGV or die "usage: soap-lite.pl http://host:port\n";
my $soap = SOAP::Lite->uri("$base/OperatorAPI")->proxy("$base/API/operatorapi.pl");
my $json = JSON::PP->new->utf8->canonical;
$| = 1;

while (my $line = <STDIN>) {
    my $request = $json->decode($line);
    my @args = $request->{style} eq 'positional'
        ? map { $_->[1] } @{ $request->{params} }
        : map { SOAP::Data->name($_->[0] => $_->[1]) } @{ $request->{params} };
    my $reply = eval { $soap->call($request->{op} => @args) };
    if (!$reply) {
        print $json->encode({ error => "$@" }), "\n";
    } elsif ($reply->fault) {
        print $json->encode({ fault => $reply->faultstring, faultcode => $reply->faultcode }), "\n";
    } else {
        print $json->encode({ result => $reply->result }), "\n";
    }
}
