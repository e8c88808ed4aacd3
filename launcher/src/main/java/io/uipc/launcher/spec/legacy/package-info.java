/**
 * uipc's old, INI-like spec format ({@code [group]}, {@code [process NAME]}), kept only so that
 * {@code uipc convert-spec} can turn such a file into the TOML format
 * ({@link io.uipc.launcher.spec.legacy.SpecConverter}); {@code uipc launch} no longer reads it.
 */
package io.uipc.launcher.spec.legacy;
