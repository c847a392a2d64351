// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf and friends: see include/linux/sprintf.h for the conversions.
 *
 * The formatter writes through a small cursor (struct out) that counts every
 * character it would have written, so vsnprintf returns the untruncated
 * length as C requires, while never writing past @size and always
 * NUL-terminating when @size > 0.
 */
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kallsyms.h>
#include <linux/bitops.h>

struct out {
	char *buf;
	size_t size;
	size_t len;		/* characters produced, written or not */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

struct spec {
	int width;		/* -1: none */
	int precision;		/* -1: none */
	bool left, zero, plus, space, alt, upper;
	int base;
};

static void put_padded(struct out *o, const char *s, int len, const struct spec *sp)
{
	int pad = sp->width > len ? sp->width - len : 0;

	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	while (len-- > 0)
		put(o, *s++);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

static void put_number(struct out *o, unsigned long long v, bool negative,
		       const struct spec *sp)
{
	const char *digits = sp->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	char sign = 0;
	const char *prefix = "";
	int n = 0, zeros, pad, plen;

	if (negative)
		sign = '-';
	else if (sp->plus)
		sign = '+';
	else if (sp->space)
		sign = ' ';
	/*
	 * Linux, unlike C, prints "0x" for '#' even when the value is zero
	 * (its e820 and %pa output depend on it); octal gets a "0" as in C.
	 */
	if (sp->alt && sp->base == 16)
		prefix = sp->upper ? "0X" : "0x";
	else if (sp->alt && sp->base == 8 && v)
		prefix = "0";
	/* C: a zero value with precision 0 prints no digits. */
	if (v || sp->precision != 0) {
		do {
			tmp[n++] = digits[v % sp->base];
			v /= sp->base;
		} while (v);
	}
	plen = (sign ? 1 : 0) + (int)strlen(prefix);
	zeros = sp->precision > n ? sp->precision - n : 0;
	pad = sp->width - plen - zeros - n;
	if (sp->zero && !sp->left && sp->precision < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	while (zeros-- > 0)
		put(o, '0');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, sp->precision >= 0 ? (size_t)sp->precision : (size_t)-1);
	put_padded(o, s, len, sp);
}

static void put_decimal(struct out *o, unsigned long v)
{
	struct spec dec = { .width = -1, .precision = -1, .base = 10 };

	put_number(o, v, false, &dec);
}

/* %*pbl: the set bits of @map as ranges, "0-3,8,10-11" (Linux's bitmap_list_string). */
static void put_bitmap_list(struct out *o, const unsigned long *map, unsigned long nbits)
{
	unsigned long start = find_first_bit(map, nbits), end;
	bool first = true;

	while (start < nbits) {
		end = find_next_zero_bit(map, nbits, start + 1) - 1;
		if (!first)
			put(o, ',');
		first = false;
		put_decimal(o, start);
		if (end > start) {
			put(o, '-');
			put_decimal(o, end);
		}
		start = find_next_bit(map, nbits, end + 1);
	}
}

/*
 * %*pb: @map in hex, 32-bit chunks from the top separated by commas, the
 * first only as wide as its bits need (Linux's bitmap_string).
 */
static void put_bitmap_mask(struct out *o, const unsigned long *map, unsigned long nbits)
{
	unsigned long chunk = nbits % 32 ? nbits % 32 : 32;
	long i;

	for (i = (long)(nbits - chunk); i >= 0; i -= 32, chunk = 32) {
		struct spec hex = { .width = (int)(chunk + 3) / 4, .precision = -1,
				    .zero = true, .base = 16 };
		unsigned long val = map[i / BITS_PER_LONG] >> (i % BITS_PER_LONG);

		if ((unsigned long)i + chunk != nbits)
			put(o, ',');
		put_number(o, val & ((1UL << chunk) - 1), false, &hex);
	}
}

/* %p and its extensions; returns the format position after the suffix. */
static const char *put_pointer(struct out *o, const char *fmt, void *p,
			       struct spec *sp)
{
	char sym[KSYM_NAME_LEN + 32];

	switch (*fmt) {
	case 'S':
	case 's':
		sprint_symbol(sym, sizeof(sym), (unsigned long)p, *fmt == 'S');
		put_string(o, sym, sp);
		return fmt + 1;
	case 'a':
		sp->alt = true;
		sp->zero = true;
		sp->base = 16;
		sp->width = 18;
		put_number(o, *(phys_addr_t *)p, false, sp);
		return fmt + 1;
	case 'b':
		if (sp->width < 0)
			sp->width = 0;
		if (fmt[1] == 'l') {
			put_bitmap_list(o, p, (unsigned long)sp->width);
			return fmt + 2;
		}
		put_bitmap_mask(o, p, (unsigned long)sp->width);
		return fmt + 1;
	case 'x':
		fmt++;
		break;
	}
	sp->base = 16;
	sp->zero = true;
	if (sp->width < 0)
		sp->width = 16;
	put_number(o, (unsigned long)p, false, sp);
	return fmt;
}

static const char *parse_spec(const char *fmt, struct spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->width = -1;
	sp->precision = -1;
	sp->base = 10;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	} else if (isdigit(*fmt)) {
		sp->width = 0;
		while (isdigit(*fmt))
			sp->width = sp->width * 10 + (*fmt++ - '0');
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			sp->precision = va_arg(*ap, int);
			if (sp->precision < 0)
				sp->precision = -1;
			fmt++;
		} else {
			sp->precision = 0;
			while (isdigit(*fmt))
				sp->precision = sp->precision * 10 + (*fmt++ - '0');
		}
	}
	return fmt;
}

/* Length modifiers, as the number of bytes of the argument. */
static const char *parse_length(const char *fmt, int *len)
{
	*len = sizeof(int);
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*len = 1;
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*len = 8;
		return fmt + 2;
	}
	if (*fmt == 'h') {
		*len = 2;
		return fmt + 1;
	}
	if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'L') {
		*len = sizeof(long);
		return fmt + 1;
	}
	return fmt;
}

static unsigned long long fetch_unsigned(va_list *ap, int len)
{
	if (len == 8)
		return va_arg(*ap, unsigned long long);
	if (len == 2)
		return (unsigned short)va_arg(*ap, unsigned int);
	if (len == 1)
		return (unsigned char)va_arg(*ap, unsigned int);
	return va_arg(*ap, unsigned int);
}

static long long fetch_signed(va_list *ap, int len)
{
	if (len == 8)
		return va_arg(*ap, long long);
	if (len == 2)
		return (short)va_arg(*ap, int);
	if (len == 1)
		return (signed char)va_arg(*ap, int);
	return va_arg(*ap, int);
}

static void format(struct out *o, const char *fmt, va_list *ap)
{
	struct spec sp;
	int len;

	while (*fmt) {
		if (*fmt != '%') {
			put(o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, ap);
		fmt = parse_length(fmt, &len);
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = fetch_signed(ap, len);

			put_number(o, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				   v < 0, &sp);
			break;
		}
		case 'X':
			sp.upper = true;
			/* fall through */
		case 'x':
		case 'o':
		case 'u':
			sp.base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
			/* '+' and ' ' are for signed conversions only (C, Linux). */
			sp.plus = sp.space = false;
			put_number(o, fetch_unsigned(ap, len), false, &sp);
			break;
		case 'c': {
			char c = (char)va_arg(*ap, int);

			put_padded(o, &c, 1, &sp);
			break;
		}
		case 's':
			put_string(o, va_arg(*ap, const char *), &sp);
			break;
		case 'p':
			fmt = put_pointer(o, fmt + 1, va_arg(*ap, void *), &sp);
			continue;
		case '%':
			put(o, '%');
			break;
		case '\0':
			/* A lone '%' at the end prints nothing more. */
			return;
		default:
			/* Unknown conversion: print it as it stands. */
			put(o, '%');
			put(o, *fmt);
			break;
		}
		fmt++;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	format(&o, fmt, &ap);
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* As vsnprintf, but returns what was written (excluding the NUL). */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, (size_t)INT32_MAX, fmt, ap);
	va_end(ap);
	return n;
}
