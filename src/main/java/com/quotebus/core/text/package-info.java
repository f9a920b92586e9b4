/**
 * Plain-Java helpers for the text people type and read: the nearest valid name to a misspelt one (setting keys,
 * command-line options and commands).
 */
package com.quotebus.core.text;
