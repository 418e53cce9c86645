package dev.beanstalk.examples.dashboard;

import dev.beanstalk.client.BeanstalkClient;
import dev.beanstalk.client.JobState;
import dev.beanstalk.client.TubeMaintenance;
import dev.beanstalk.spring.core.BeanstalkOperations;

/** Clearing a tube and moving its buried jobs: the operations the dashboard's buttons run. */
class TubeCleanup {

    static void withTheClient(BeanstalkClient client) {
        // tag::client[]
        TubeMaintenance tubes = new TubeMaintenance(client);
        long deleted = tubes.clearBuried("userReg");               // also clearReady, clearDelayed, clear(tube, state)
        long moved = tubes.moveBuried("userReg", "userReg-retry"); // ready there, same body, priority and TTR
        // end::client[]
        System.out.println(deleted + " deleted, " + moved + " moved");
    }

    static void withTheTemplate(BeanstalkOperations beanstalk) {
        // tag::template[]
        beanstalk.clearTube("userReg", JobState.DELAYED);
        beanstalk.moveBuried("userReg", "userReg-retry");
        // end::template[]
    }
}
