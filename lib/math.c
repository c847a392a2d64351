// SPDX-License-Identifier: GPL-2.0
/*
 * Integer helpers. int_sqrt computes the root bit by bit, from the highest
 * even power of four down: no division, no floating point.
 */
#include <linux/math.h>

unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;
	m = 1UL << ((63 - __builtin_clzl(x)) & ~1UL);
	while (m) {
		b = y + m;
		y >>= 1;
		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}
	return y;
}
