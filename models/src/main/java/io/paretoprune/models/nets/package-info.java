/**
 * The model factories: the paper's LeNet-5 ({@code lenet5}) and VGG-like CIFAR-10 net ({@code
 * vgg-cifar}), and a configurable MLP ({@code mlp}). Each builds a flat DJL {@code SequentialBlock}
 * so that the parameter catalog names its layers {@code conv1.., bn1.., dense1..} in forward order.
 */
package io.paretoprune.models.nets;
