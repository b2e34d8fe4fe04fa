/** Starting DJL's PyTorch engine offline, seeding it, and engine-specific fast paths. */
package io.paretoprune.core.engine;
