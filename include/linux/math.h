/* SPDX-License-Identifier: GPL-2.0 */
/* Integer helpers (lib/math.c). */
#ifndef _LINUX_MATH_H
#define _LINUX_MATH_H

/* int_sqrt - the integer square root of @x, rounded down. */
unsigned long int_sqrt(unsigned long x);

#endif /* _LINUX_MATH_H */
