/** The backend service-provider interface: implement {@link io.uipc.core.spi.InterruptBackend}. */
package io.uipc.core.spi;
