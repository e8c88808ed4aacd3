package io.uipc.table;

/**
 * A member's counters as the JVM that joined it exposes them through JMX, registered as
 * {@code io.uipc:type=Member,group=GROUP,name=MEMBER} in the platform MBeanServer while the member
 * is joined (system property {@code uipc.jmx=false} turns it off). Every attribute is read live
 * from the member's own counters (the sender's counter and the receiver's shared UPID counters)
 * when it is asked for: nothing is copied on the send or receive path.
 */
public interface MemberMXBean {
    /** {@return the group's name} */
    String getGroup();

    /** {@return the member's name} */
    String getName();

    /** {@return the entry slot (Oracle's PID)} */
    int getSlot();

    /** {@return the entry generation, unsigned (Oracle's SERIAL#)} */
    long getSerial();

    /** {@return the OS pid of this JVM} */
    long getPid();

    /** {@return sends this member posted, coalesced ones included} */
    long getSent();

    /** {@return sends this member attempted that failed: an error code, or no live member of the name accepting the vector} */
    long getFailed();

    /** {@return vectors delivered to (taken by) this member's receiver} */
    long getReceived();

    /** {@return sends to this member that coalesced with an already-pending vector} */
    long getCoalesced();

    /** {@return times a sender woke this member's receiver from a kernel sleep} */
    long getWakeUps();

    /** {@return whether the member lost its entry or its group} */
    boolean isLost();
}
