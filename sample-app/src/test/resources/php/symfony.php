<?php
// Shared by the Symfony Messenger scripts: Debian's php-symfony-beanstalkd-messenger transport with either
// serializer ("json": the Symfony Serializer, "php": the default PhpSerializer), and the test's messages.
require_once '/usr/share/php/Symfony/Component/Messenger/autoload.php';
require_once '/usr/share/php/Symfony/Component/Messenger/Bridge/Beanstalkd/autoload.php';
require_once '/usr/share/php/Symfony/Component/Serializer/autoload.php';
require_once '/usr/share/php/Symfony/Component/PropertyAccess/autoload.php';
require_once '/usr/share/php/Symfony/Component/EventDispatcher/autoload.php';
require_once '/usr/share/php/Pheanstalk/autoload.php';
require_once __DIR__ . '/messages.php';

use Symfony\Component\Messenger\Bridge\Beanstalkd\Transport\BeanstalkdTransport;
use Symfony\Component\Messenger\Bridge\Beanstalkd\Transport\Connection;
use Symfony\Component\Messenger\Transport\Serialization\PhpSerializer;
use Symfony\Component\Messenger\Transport\Serialization\Serializer;

function symfony_transport(string $host, int $port, string $tube, string $serializer): BeanstalkdTransport
{
    $connection = Connection::fromDsn("beanstalkd://$host:$port?tube_name=$tube&timeout=5");
    return new BeanstalkdTransport($connection, $serializer === 'php' ? new PhpSerializer() : Serializer::create());
}
