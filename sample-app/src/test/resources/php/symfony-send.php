<?php
// Sends a Symfony Messenger message, as an app's $bus->dispatch(new RegisterUser($id, $name)) routed to beanstalkd.
// Usage: php symfony-send.php HOST PORT TUBE SERIALIZER CLASS ID NAME; SERIALIZER is json or php, CLASS is short.
require __DIR__ . '/symfony.php';

[, $host, $port, $tube, $serializer, $class, $id, $name] = $argv;
$class = 'App\\Message\\' . $class;
symfony_transport($host, (int) $port, $tube, $serializer)
    ->send(Symfony\Component\Messenger\Envelope::wrap(new $class((int) $id, $name)));
echo "sent\n";
