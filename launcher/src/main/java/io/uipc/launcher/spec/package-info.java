/**
 * Launch specs: the TOML file format {@code uipc launch} reads ({@link io.uipc.launcher.spec.SpecParser})
 * and the immutable description of a group's processes it yields.
 */
package io.uipc.launcher.spec;
