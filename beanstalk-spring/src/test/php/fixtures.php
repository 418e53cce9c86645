<?php
// Writes the PHP-made fixtures of the codec and converter unit tests into src/test/resources/php-fixtures:
// serialize.json (name => base64 of serialize(value)) and the job bodies real Laravel and Symfony Messenger build.
// Usage (from beanstalk-spring): php src/test/php/fixtures.php
require_once '/usr/share/php/Illuminate/autoload.php';
require_once '/usr/share/php/Symfony/Component/Messenger/autoload.php';
require_once '/usr/share/php/Symfony/Component/Serializer/autoload.php';
require_once '/usr/share/php/Symfony/Component/PropertyAccess/autoload.php';
require_once '/usr/share/php/Pheanstalk/autoload.php';
// The job and message classes are the sample's interop tests' own.
require_once __DIR__ . '/../../../../sample-app/src/test/resources/php/jobs.php';
require_once __DIR__ . '/../../../../sample-app/src/test/resources/php/messages.php';

$out = __DIR__ . '/../resources/php-fixtures';

class Visibility { public $pub = 1; protected $prot = 'two'; private $priv = 3.5; }
class ChildVisibility extends Visibility { private $own = true; }
enum Suit: string { case Hearts = 'H'; case Spades = 'S'; }

$shared = new stdClass();
$shared->x = 1;
$number = 42;
$other = new stdClass();
$values = [
    'null' => null, 'true' => true, 'false' => false,
    'int' => 123, 'negative_int' => -9223372036854775807 - 1, 'max_int' => PHP_INT_MAX,
    'float' => 0.1, 'float_whole' => 2.0, 'float_exp' => 1.5e-7, 'float_big' => 1.0e25, 'inf' => INF,
    'negative_inf' => -INF, 'nan' => NAN,
    'string' => 'hello', 'empty_string' => '', 'unicode' => "Zoë 日本 🎉", 'quotes' => "a\"b;c}d\\e",
    'list' => [1, 'two', 3.0], 'empty_array' => [], 'map' => ['a' => 1, 'b' => ['c' => null]],
    'mixed_keys' => [5 => 'five', 'k' => 'v', -1 => 'minus'],
    'object' => (object) ['a' => 1, 'b' => 'x'],
    'visibility' => new Visibility(), 'child_visibility' => new ChildVisibility(),
    'object_reference' => [$shared, $shared], 'value_reference' => [&$number, &$number],
    'reference_numbering' => [$shared, $other, $other],
    'enum' => Suit::Hearts,
    'nested' => ['l1' => ['l2' => ['l3' => [new Visibility()]]]],
];
$serialized = [];
foreach ($values as $name => $value) {
    $serialized[$name] = base64_encode(serialize($value));
}
file_put_contents("$out/serialize.json", json_encode($serialized, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");

// Laravel: the payloads Illuminate\Queue\Queue::createPayload builds, without a server.
$capsule = new Illuminate\Queue\Capsule\Manager();
$capsule->addConnection(['driver' => 'beanstalkd', 'host' => '127.0.0.1', 'queue' => 'default']);
$queue = $capsule->getConnection();
$createPayload = new ReflectionMethod($queue, 'createPayload');
$createPayload->setAccessible(true);
file_put_contents("$out/laravel-register-user.json",
    $createPayload->invoke($queue, new App\Jobs\RegisterUser(7, 'Zoë'), 'laravel-users'));
file_put_contents("$out/laravel-send-welcome-mail.json",
    $createPayload->invoke($queue, new App\Jobs\SendWelcomeMail(8, 'Ann'), 'laravel-users'));
file_put_contents("$out/laravel-string-job.json",
    $createPayload->invoke($queue, 'App\Jobs\LegacyImport@handle', 'laravel-users', ['id' => 9, 'name' => 'Bo']));
$capsule->getContainer()->instance(Illuminate\Contracts\Encryption\Encrypter::class,
    new Illuminate\Encryption\Encrypter(str_repeat('k', 32), 'aes-256-cbc'));
file_put_contents("$out/laravel-encrypted.json",
    $createPayload->invoke($queue, new App\Jobs\SendSecret(1, 'secret'), 'laravel-users'));

// Symfony Messenger: what its beanstalkd Connection::send puts, with each serializer.
$envelope = Symfony\Component\Messenger\Envelope::wrap(new App\Message\RegisterUser(5, 'Zoë'),
    [new Symfony\Component\Messenger\Stamp\DelayStamp(0)]);
foreach (['json' => Symfony\Component\Messenger\Transport\Serialization\Serializer::create(),
             'php' => new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer()] as $name => $serializer) {
    $encoded = $serializer->encode($envelope);
    file_put_contents("$out/symfony-$name.json",
        json_encode(['body' => $encoded['body'], 'headers' => $encoded['headers'] ?? []]));
}
$binary = Symfony\Component\Messenger\Envelope::wrap(new App\Message\RegisterUser(6, "bin\xff"));
$encoded = (new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer())->encode($binary);
file_put_contents("$out/symfony-php-base64.json", json_encode(['body' => $encoded['body'], 'headers' => []]));
