package dev.beanstalk.spring.autoconfigure;

import dev.beanstalk.client.FleetStrategy;

/** How the servers of {@code beanstalk.servers} share the puts: {@code beanstalk.fleet.*}. */
public class BeanstalkFleetProperties {

    /**
     * Which server each put goes to: round-robin spreads puts evenly; tube-hash keeps each tube on one server (a
     * consistent hash of its name), so that its priority and delay order hold.
     */
    private Strategy strategy = Strategy.ROUND_ROBIN;

    public Strategy getStrategy() {
        return strategy;
    }

    public void setStrategy(Strategy strategy) {
        this.strategy = strategy;
    }

    /** The strategies of {@link FleetStrategy}. */
    public enum Strategy {

        /** Each put to the next server in turn. */
        ROUND_ROBIN,

        /** Each tube to one server, by a consistent hash of its name. */
        TUBE_HASH;

        FleetStrategy create() {
            return this == ROUND_ROBIN ? FleetStrategy.roundRobin() : FleetStrategy.tubeHash();
        }
    }
}
