<?php
// Shared by the Laravel scripts: Debian's php-laravel-framework queue on beanstalkd through
// Illuminate\Queue\Capsule\Manager, without a Laravel app, and the test's job classes (jobs.php).
require_once '/usr/share/php/Illuminate/autoload.php';
require_once '/usr/share/php/Pheanstalk/autoload.php';
require_once __DIR__ . '/jobs.php';

use Illuminate\Queue\Capsule\Manager;

function laravel_queue(string $host, int $port): Manager
{
    $queue = new Manager();
    $queue->addConnection(['driver' => 'beanstalkd', 'host' => $host, 'port' => $port, 'queue' => 'default',
        'retry_after' => 60, 'block_for' => 5]);
    $container = $queue->getContainer();
    $container->instance(Illuminate\Contracts\Container\Container::class, $container);
    $container->singleton(Illuminate\Contracts\Bus\Dispatcher::class, fn ($c) => new Illuminate\Bus\Dispatcher($c));
    $container->instance(Illuminate\Contracts\Encryption\Encrypter::class,
        new Illuminate\Encryption\Encrypter(str_repeat('k', 32), 'aes-256-cbc'));
    return $queue;
}
