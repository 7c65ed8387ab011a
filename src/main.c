/* main.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
int main (int argc, char *argv[]) { return 0; }
