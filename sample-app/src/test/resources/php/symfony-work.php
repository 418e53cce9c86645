<?php
// Handles the next message of a tube with Symfony Messenger's own Worker and a handler of SendWelcomeMail that
// prints what it sees; stops after one message or 10 s. Usage: php symfony-work.php HOST PORT TUBE SERIALIZER
require __DIR__ . '/symfony.php';

use App\Message\SendWelcomeMail;
use Symfony\Component\EventDispatcher\EventDispatcher;
use Symfony\Component\Messenger\Event\WorkerMessageFailedEvent;
use Symfony\Component\Messenger\EventListener\StopWorkerOnMessageLimitListener;
use Symfony\Component\Messenger\EventListener\StopWorkerOnTimeLimitListener;
use Symfony\Component\Messenger\Handler\HandlersLocator;
use Symfony\Component\Messenger\MessageBus;
use Symfony\Component\Messenger\Middleware\HandleMessageMiddleware;
use Symfony\Component\Messenger\Worker;

[, $host, $port, $tube, $serializer] = $argv;
$print = function (SendWelcomeMail $mail) {
    echo json_encode(['class' => get_class($mail), 'id' => $mail->getId(), 'name' => $mail->getName()]), "\n";
};
$bus = new MessageBus([new HandleMessageMiddleware(new HandlersLocator([SendWelcomeMail::class => [$print]]))]);
$events = new EventDispatcher();
$events->addSubscriber(new StopWorkerOnMessageLimitListener(1));
$events->addSubscriber(new StopWorkerOnTimeLimitListener(10));
$events->addListener(WorkerMessageFailedEvent::class, function (WorkerMessageFailedEvent $event) {
    fwrite(STDERR, $event->getThrowable() . "\n");
    exit(4);
});
(new Worker([$tube => symfony_transport($host, (int) $port, $tube, $serializer)], $bus, $events))
    ->run(['sleep' => 100000]);
