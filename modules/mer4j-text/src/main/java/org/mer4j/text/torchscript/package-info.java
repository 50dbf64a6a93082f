/**
 * Bring-your-own TorchScript text encoder ({@code text-torchscript}) run with DJL's PyTorch
 * engine, with a simple whitespace vocabulary ({@link org.mer4j.text.torchscript.SimpleVocab}).
 */
package org.mer4j.text.torchscript;
