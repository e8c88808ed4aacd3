/** The release's build-time generators: man pages and completion from the command model. */
package io.uipc.dist;
