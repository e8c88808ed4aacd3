/**
 * uipc's API: user interrupts between processes of one host, in the shape of Intel UINTR.
 *
 * <p>{@link io.uipc.core.Backends} picks a backend; its {@link io.uipc.core.InterruptDomain} is
 * one shared UPID table and one shared UITT in a file ({@link io.uipc.core.DomainConfig}). A
 * thread {@link io.uipc.core.InterruptDomain#registerReceiver registers} a
 * {@link io.uipc.core.Receiver} (one UPID), registers the vectors it accepts as shared UITT
 * entries and publishes their {@link io.uipc.core.UittHandle handles}; any process of the
 * domain then {@link io.uipc.core.InterruptDomain#send sends} through a handle, and the receiver
 * polls, awaits or dispatches ({@link io.uipc.core.Dispatcher}, {@link io.uipc.core.WaitPolicy}).
 * {@link io.uipc.core.Grant} and {@link io.uipc.core.PrivateUitt} model the kernel RFC's
 * private tables beside the shared one.
 *
 * <p>Threads: sends are thread-safe, allocation-free and never block; they return a
 * {@link io.uipc.core.SendResult} code rather than throw. Taking interrupts belongs to one
 * thread at a time per receiver. Errors are unchecked {@link io.uipc.core.UipcException}s:
 * {@link io.uipc.core.LayoutException} for a shared file that fails validation (its subtypes
 * name the file: {@link io.uipc.core.DomainLayoutException} here),
 * {@link io.uipc.core.CapacityExceededException} for a full table.
 *
 * <p>Shared memory is described in {@link io.uipc.core.emulated}; the backend SPI and the
 * reaper's operations in {@link io.uipc.core.spi}.
 */
package io.uipc.core;
