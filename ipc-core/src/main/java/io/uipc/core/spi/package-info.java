/**
 * The backend service-provider interface: implement {@link io.uipc.core.spi.InterruptBackend}
 * (found with {@link java.util.ServiceLoader}) and report {@link io.uipc.core.spi.BackendStatus}.
 * {@link io.uipc.core.spi.DomainMaintenance} holds what only a group's elected reaper does to a
 * domain for processes that died (reclaim a receiver's slot, sweep orphans, read a slot's
 * owner); applications never call it. A backend whose domains need a reaper implements
 * {@link io.uipc.core.spi.DomainMaintenance.Provider} on its domain.
 */
package io.uipc.core.spi;
