/** The built-in models: the paper's LeNet-5 and VGG-like CIFAR net, and a configurable MLP. */
package io.paretoprune.models.zoo;
