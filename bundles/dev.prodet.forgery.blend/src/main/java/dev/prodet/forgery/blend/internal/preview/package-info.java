/** The {@code prodet:forge} command: a contact sheet of the forgeries the generator plugins make. */
package dev.prodet.forgery.blend.internal.preview;
