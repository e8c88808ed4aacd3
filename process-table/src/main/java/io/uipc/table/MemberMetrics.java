package io.uipc.table;

/** A {@link MemberMXBean} over one member: each getter reads the live counter it names. */
final class MemberMetrics implements MemberMXBean {
    private final Member member;

    MemberMetrics(final Member member) {
        this.member = member;
    }

    @Override
    public String getGroup() {
        return member.group().name();
    }

    @Override
    public String getName() {
        return member.name();
    }

    @Override
    public int getSlot() {
        return member.slot();
    }

    @Override
    public long getSerial() {
        return Integer.toUnsignedLong(member.generation());
    }

    @Override
    public long getPid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public long getSent() {
        return member.sentCount();
    }

    @Override
    public long getFailed() {
        return member.failedCount();
    }

    @Override
    public long getReceived() {
        return member.receiver().deliveredCount();
    }

    @Override
    public long getCoalesced() {
        return member.receiver().coalescedCount();
    }

    @Override
    public long getWakeUps() {
        return member.receiver().wakeupCount();
    }

    @Override
    public boolean isLost() {
        return member.isLost();
    }
}
