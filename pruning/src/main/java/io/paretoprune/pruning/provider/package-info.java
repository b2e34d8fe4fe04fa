/** The built-in pruning strategies as plug-ins: threshold, magnitude, random, none. */
package io.paretoprune.pruning.provider;
