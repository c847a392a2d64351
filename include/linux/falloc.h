/* SPDX-License-Identifier: GPL-2.0 */
/* fallocate() modes (Linux's uapi falloc.h). */
#ifndef _LINUX_FALLOC_H
#define _LINUX_FALLOC_H

#define FALLOC_FL_KEEP_SIZE	0x01	/* do not grow i_size */
#define FALLOC_FL_PUNCH_HOLE	0x02	/* free the range; needs KEEP_SIZE */

#endif /* _LINUX_FALLOC_H */
