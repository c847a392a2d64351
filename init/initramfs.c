// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs: the cpio archive the boot loader hands over, unpacked into
 * the root tmpfs before init runs (Linux's init/initramfs.c, the behaviour of
 * Documentation/driver-api/early-userspace/buffer-format.rst).
 *
 * The archive is one or more cpio archives ("newc", magic 070701, or "crc",
 * 070702, whose header carries the sum of the file's data bytes),
 * concatenated, with zero bytes between them (a new archive starts on a
 * 4-byte boundary). Each entry is
 *
 *   110-byte header: magic, then 13 fields of 8 hex digits: ino, mode, uid,
 *                    gid, nlink, mtime, filesize, devmajor, devminor,
 *                    rdevmajor, rdevminor, namesize (with the NUL), check
 *   name             NUL-terminated, padded so the data starts 4-aligned
 *   data             filesize bytes (a file's contents, a symlink's
 *                    target), padded to 4
 *
 * and the entry named TRAILER!!! ends an archive. A part that does not start
 * with '0' is handed to the decompressor its magic names
 * (decompress_method()); its output goes through flush_buffer() into the
 * same state machine, so compressed and plain parts mix freely.
 *
 * The parser is a state machine over whatever bytes arrive (the whole
 * buffer, or a decompressor's output in pieces): write_buffer() runs the
 * action of the current state until one needs more input. A header, a name
 * or a symlink that straddles two pieces is gathered in a buffer (Collect);
 * when it is whole in the piece, it is used in place.
 *
 *   Start -> GotHeader -> GotName -> CopyFile -> SkipIt -> Reset -> Start
 *                     \-> GotSymlink ----------/    (padding, the next entry)
 *
 * Hard links: an entry with nlink >= 2 is remembered in a hash of
 * (major, minor, ino, type) -> first name; a later entry with the same key
 * becomes init_link() to that name (newc stores the data with the last
 * link, so a linked regular file is opened without O_TRUNC). The hash is
 * emptied at each TRAILER!!!. Directories get their mtime after the whole
 * archive (dir_utime()): creating entries inside would change it again.
 *
 * Errors: the first one stops the unpacking; message holds what was wrong
 * and the offset of the entry (in the input, or in a compressed part's
 * output and where that part starts). What was created before stays; a
 * file whose data is incomplete or fails its checksum is removed. The
 * input must close each cpio archive it opens with TRAILER!!!: data that
 * ends inside one (or inside a header) is reported as truncated.
 *
 * State: the variables below, one unpacking at a time (boot, and the tests
 * that run in init after it); no locking.
 */
#include <linux/initrd.h>
#include <linux/init_syscalls.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/kdev_t.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/hash.h>
#include <linux/sprintf.h>
#include <linux/printk.h>
#include <linux/memblock.h>
#include <linux/decompress/generic.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <asm/page.h>

phys_addr_t phys_initrd_start;
unsigned long phys_initrd_size;
unsigned long initrd_start, initrd_end;

#define CPIO_HDR_LEN	110
#define CPIO_FIELDS	13

/* Bytes of name and padding after a header, so that the data is 4-aligned. */
#define N_ALIGN(len)	(ALIGN(CPIO_HDR_LEN + (len), 4) - CPIO_HDR_LEN)

static char *message;			/* the first error, formatted; NULL: none */
static char msg_buf[160];
static const char *part_name;		/* decompressor of the current part, or NULL */
static u64 part_offset;			/* where that part starts in the input */

/* Offsets in the stream (the input, or a compressed part's output). */
static u64 this_header;			/* where victim is */
static u64 next_header;			/* where the entry after this one starts */
static u64 entry_start;			/* where this entry (or junk) starts: errors */
static bool in_archive;			/* between a header and TRAILER!!! */

/* What the current piece has left (write_buffer()). */
static char *victim;
static unsigned long byte_count;

/* The fields of the current header. */
static unsigned long ino, major, minor, nlink;
static umode_t mode;
static unsigned long body_len, name_len;
static uid_t uid;
static gid_t gid;
static unsigned int rdev;
static time64_t mtime;
static u32 hdr_csum;
static bool csum_present;

static enum state {
	Start,
	Collect,
	GotHeader,
	SkipIt,
	GotName,
	CopyFile,
	GotSymlink,
	Reset,
} state, next_state;

/* Collect: bytes still wanted, where they go, and what the result is. */
static char *collected;
static unsigned long remains;
static char *collect;
static char *header_buf, *symlink_buf, *name_buf;

/* CopyFile: the file being written, its name and the running data sum. */
static struct file *wfile;
static loff_t wfile_pos;
static char *wfile_name;
static u32 io_csum;

/*
 * error - record the first error: @x at this entry's offset. Also the
 * decompressor's error callback (Linux's signature).
 */
static void error(char *x)
{
	if (message)
		return;
	if (part_name)
		snprintf(msg_buf, sizeof(msg_buf), "%s at offset %llu of the %s data at offset %llu",
			 x, entry_start, part_name, part_offset);
	else
		snprintf(msg_buf, sizeof(msg_buf), "%s at offset %llu", x, entry_start);
	message = msg_buf;
}

/* ---- hard links ------------------------------------------------------------ */

#define LINK_HASH_BITS	5

/* A name that later entries with the same key become hard links to. */
struct link_hash {
	struct link_hash *next;
	unsigned long ino, minor, major;
	umode_t type;
	char name[];
};

static struct link_hash *link_head[1 << LINK_HASH_BITS];

static struct link_hash **link_bucket(void)
{
	return &link_head[hash_64(ino ^ (minor << 32) ^ (major << 52), LINK_HASH_BITS)];
}

/*
 * The earlier name of the current entry's inode, or NULL; a first sighting
 * is remembered under @name (an allocation failure is an error).
 */
static char *find_link(const char *name)
{
	struct link_hash **bucket = link_bucket(), *q;
	size_t len = strlen(name) + 1;

	for (q = *bucket; q; q = q->next) {
		if (q->ino == ino && q->minor == minor && q->major == major &&
		    q->type == (mode & S_IFMT))
			return q->name;
	}
	q = kmalloc(sizeof(*q) + len, GFP_KERNEL);
	if (!q) {
		error("out of memory for the link hash");
		return NULL;
	}
	q->ino = ino;
	q->minor = minor;
	q->major = major;
	q->type = mode & S_IFMT;
	memcpy(q->name, name, len);
	q->next = *bucket;
	*bucket = q;
	return NULL;
}

static void free_hash(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(link_head); i++) {
		while (link_head[i]) {
			struct link_hash *q = link_head[i];

			link_head[i] = q->next;
			kfree(q);
		}
	}
}

/* ---- times ----------------------------------------------------------------- */

static void do_utime(const char *name, time64_t t)
{
	struct timespec64 ts[2] = { { .tv_sec = t }, { .tv_sec = t } };

	init_utimes(name, ts);
}

/* A directory whose mtime is set once the archive is done. */
struct dir_entry {
	struct list_head list;
	time64_t mtime;
	char name[];
};

static LIST_HEAD(dir_list);

static void dir_add(const char *name, time64_t t)
{
	size_t len = strlen(name) + 1;
	struct dir_entry *de = kmalloc(sizeof(*de) + len, GFP_KERNEL);

	if (!de) {
		error("out of memory for a directory's mtime");
		return;
	}
	de->mtime = t;
	memcpy(de->name, name, len);
	list_add(&de->list, &dir_list);
}

/* Deepest first: the list is newest first, and a parent precedes its children. */
static void dir_utime(void)
{
	struct dir_entry *de, *tmp;

	list_for_each_entry_safe(de, tmp, &dir_list, list) {
		list_del(&de->list);
		do_utime(de->name, de->mtime);
		kfree(de);
	}
}

/* ---- the state machine ----------------------------------------------------- */

static void eat(unsigned long n)
{
	victim += n;
	this_header += n;
	byte_count -= n;
}

/* @size bytes for state @next: in place if the piece has them, else gathered. */
static void read_into(char *buf, unsigned long size, enum state next)
{
	if (byte_count >= size) {
		collected = victim;
		eat(size);
		state = next;
	} else {
		collect = collected = buf;
		remains = size;
		next_state = next;
		state = Collect;
	}
}

/* Each action returns 0 to go on with the new state, 1 when it needs more input. */
static int do_start(void)
{
	entry_start = this_header;
	read_into(header_buf, CPIO_HDR_LEN, GotHeader);
	return 0;
}

static int do_collect(void)
{
	unsigned long n = min(remains, byte_count);

	memcpy(collect, victim, n);
	eat(n);
	collect += n;
	remains -= n;
	if (remains)
		return 1;
	state = next_state;
	return 0;
}

/* The 13 hex fields after the magic; false on a character that is not hex. */
static bool parse_header(const char *s)
{
	unsigned long parsed[CPIO_FIELDS];
	unsigned int i, j;

	for (i = 0, s += 6; i < CPIO_FIELDS; i++, s += 8) {
		parsed[i] = 0;
		for (j = 0; j < 8; j++) {
			if (!isxdigit(s[j]))
				return false;
			parsed[i] = parsed[i] << 4 | (isdigit(s[j]) ? s[j] - '0' :
						      tolower(s[j]) - 'a' + 10);
		}
	}
	ino = parsed[0];
	mode = parsed[1];
	uid = parsed[2];
	gid = parsed[3];
	nlink = parsed[4];
	mtime = parsed[5];
	body_len = parsed[6];
	major = parsed[7];
	minor = parsed[8];
	rdev = new_encode_dev(MKDEV(parsed[9], parsed[10]));
	name_len = parsed[11];
	hdr_csum = parsed[12];
	return true;
}

static int do_header(void)
{
	if (!memcmp(collected, "070701", 6)) {
		csum_present = false;
	} else if (!memcmp(collected, "070702", 6)) {
		csum_present = true;
	} else {
		if (!memcmp(collected, "070707", 6))
			error("incorrect cpio method used: use -H newc option");
		else
			error("no cpio magic");
		return 1;
	}
	if (!parse_header(collected)) {
		error("bad hex digits in header");
		return 1;
	}
	in_archive = true;
	if (name_len == 0 || name_len > PATH_MAX) {
		error("bad name size in header");
		return 1;
	}
	next_header = ALIGN(this_header + N_ALIGN(name_len) + body_len, 4);
	state = SkipIt;
	next_state = Reset;
	if (S_ISLNK(mode)) {
		if (body_len > PATH_MAX) {
			error("symlink target too long");
			return 1;
		}
		/* Always gathered: the target needs a NUL after it. */
		collect = collected = symlink_buf;
		remains = N_ALIGN(name_len) + body_len;
		next_state = GotSymlink;
		state = Collect;
	} else if (S_ISREG(mode) || !body_len) {
		read_into(name_buf, N_ALIGN(name_len), GotName);
	}
	return 0;
}

static int do_skip(void)
{
	if (this_header + byte_count < next_header) {
		eat(byte_count);
		return 1;
	}
	eat(next_header - this_header);
	state = next_state;
	return 0;
}

/* Zero bytes between entries and archives; a new archive starts 4-aligned. */
static int do_reset(void)
{
	while (byte_count && *victim == '\0')
		eat(1);
	entry_start = this_header;
	if (byte_count && (this_header & 3))
		error("broken padding");
	return 1;
}

/* Remove what is at @path if its type differs from @fmode (0: always). */
static void clean_path(const char *path, umode_t fmode)
{
	struct kstat st;

	if (!init_stat(path, &st, AT_SYMLINK_NOFOLLOW) && ((st.mode ^ fmode) & S_IFMT)) {
		if (S_ISDIR(st.mode))
			init_rmdir(path);
		else
			init_unlink(path);
	}
}

/* 1: the entry became a hard link; 0: create it; -1: linking failed. */
static int maybe_link(void)
{
	char *old;

	if (nlink < 2)
		return 0;
	old = find_link(collected);
	if (!old)
		return 0;
	clean_path(collected, 0);
	return init_link(old, collected) < 0 ? -1 : 1;
}

static void open_file(void)
{
	int ml = maybe_link();
	int flags = O_WRONLY | O_CREAT | O_LARGEFILE;

	if (ml < 0)
		return;
	if (ml != 1)
		flags |= O_TRUNC;
	wfile_name = kstrdup(collected, GFP_KERNEL);
	if (!wfile_name) {
		error("out of memory for a file name");
		return;
	}
	wfile = filp_open(collected, flags, mode);
	if (IS_ERR(wfile)) {
		pr_err("Initramfs: cannot create %s: %ld\n", collected, PTR_ERR(wfile));
		wfile = NULL;
		kfree(wfile_name);
		return;
	}
	wfile_pos = 0;
	io_csum = 0;
	vfs_fchown(wfile, uid, gid);
	vfs_fchmod(wfile, mode);
	state = CopyFile;
}

static int do_name(void)
{
	state = SkipIt;
	next_state = Reset;
	if (collected[name_len - 1] != '\0') {
		error("malformed archive: name without NUL");
		return 1;
	}
	if (!strcmp(collected, "TRAILER!!!")) {
		in_archive = false;
		free_hash();
		return 0;
	}
	clean_path(collected, mode);
	if (S_ISREG(mode)) {
		open_file();
	} else if (S_ISDIR(mode)) {
		init_mkdir(collected, mode);
		init_chown(collected, uid, gid, 0);
		init_chmod(collected, mode);
		dir_add(collected, mtime);
	} else if (S_ISBLK(mode) || S_ISCHR(mode) || S_ISFIFO(mode) || S_ISSOCK(mode)) {
		if (maybe_link() == 0) {
			init_mknod(collected, mode, rdev);
			init_chown(collected, uid, gid, 0);
			init_chmod(collected, mode);
			do_utime(collected, mtime);
		}
	}
	return 0;
}

/* Close the file being written; a bad one (@keep false) is removed. */
static void close_file(bool keep)
{
	fput(wfile);
	wfile = NULL;
	if (keep)
		do_utime(wfile_name, mtime);
	else
		init_unlink(wfile_name);
	kfree(wfile_name);
	wfile_name = NULL;
}

static bool write_data(unsigned long n)
{
	unsigned long done = 0, i;

	for (i = 0; i < n; i++)
		io_csum += (unsigned char)victim[i];
	while (done < n) {
		ssize_t ret = kernel_write(wfile, victim + done, n - done, &wfile_pos);

		if (ret <= 0)
			return false;
		done += ret;
	}
	return true;
}

static int do_copy(void)
{
	unsigned long n = min(byte_count, body_len);

	if (!write_data(n)) {
		error("write error");
		close_file(false);
		return 1;
	}
	eat(n);
	body_len -= n;
	if (body_len)
		return 1;
	if (csum_present && io_csum != hdr_csum) {
		error("bad data checksum");
		close_file(false);
		return 1;
	}
	close_file(true);
	state = SkipIt;
	return 0;
}

static int do_symlink(void)
{
	char *target = collected + N_ALIGN(name_len);

	state = SkipIt;
	next_state = Reset;
	if (collected[name_len - 1] != '\0') {
		error("malformed archive: name without NUL");
		return 1;
	}
	target[body_len] = '\0';
	clean_path(collected, 0);
	init_symlink(target, collected);
	init_chown(collected, uid, gid, AT_SYMLINK_NOFOLLOW);
	do_utime(collected, mtime);
	return 0;
}

static int (*const actions[])(void) = {
	[Start]		= do_start,
	[Collect]	= do_collect,
	[GotHeader]	= do_header,
	[SkipIt]	= do_skip,
	[GotName]	= do_name,
	[CopyFile]	= do_copy,
	[GotSymlink]	= do_symlink,
	[Reset]		= do_reset,
};

/* Feed @len bytes to the state machine; returns how many it took. */
static unsigned long write_buffer(char *buf, unsigned long len)
{
	byte_count = len;
	victim = buf;
	while (!message && !actions[state]())
		;
	return len - byte_count;
}

/*
 * The decompressor's output, in pieces: into the state machine, and on
 * from the next archive when one ends inside the piece.
 */
static long flush_buffer(void *bufv, unsigned long len)
{
	char *buf = bufv;
	unsigned long left = len, n;

	while (!message && left) {
		n = write_buffer(buf, left);
		buf += n;
		left -= n;
		/* Only Reset stops early: at the first byte after the zeros. */
		if (left && *buf == '0')
			state = Start;
		else if (left)
			error("junk within compressed archive");
	}
	return message ? -1 : (long)len;
}

/* An archive, or the header that opens one, must not be left unfinished. */
static void check_complete(void)
{
	if (!message && (in_archive || state == Collect))
		error("truncated archive");
}

/* A compressed part at @buf: returns the bytes it took. */
static unsigned long unpack_compressed(char *buf, unsigned long len)
{
	static char method_msg[48];
	decompress_fn decompress;
	const char *name;
	long pos = 0;

	entry_start = this_header;
	decompress = decompress_method((unsigned char *)buf, len, &name);
	if (!decompress) {
		if (!name) {
			error("invalid magic at start of compressed archive");
		} else {
			snprintf(method_msg, sizeof(method_msg),
				 "compression method %s not configured", name);
			error(method_msg);
		}
		return 0;
	}
	part_name = name;
	part_offset = this_header;
	this_header = 0;
	entry_start = 0;
	state = Reset;
	if (decompress((unsigned char *)buf, len, NULL, flush_buffer, NULL, &pos, error))
		error("decompressor failed");
	check_complete();
	part_name = NULL;
	this_header = part_offset + pos;
	return pos;
}

static bool alloc_buffers(void)
{
	header_buf = kmalloc(CPIO_HDR_LEN, GFP_KERNEL);
	symlink_buf = kmalloc(PATH_MAX + N_ALIGN(PATH_MAX) + 1, GFP_KERNEL);
	name_buf = kmalloc(N_ALIGN(PATH_MAX), GFP_KERNEL);
	return header_buf && symlink_buf && name_buf;
}

/* The end of the input, or of an error: nothing half-done stays. */
static void finish(void)
{
	check_complete();
	if (wfile)
		close_file(false);
	dir_utime();
	free_hash();
	kfree(header_buf);
	kfree(symlink_buf);
	kfree(name_buf);
}

char *unpack_to_rootfs(char *buf, unsigned long len)
{
	message = NULL;
	part_name = NULL;
	this_header = 0;
	entry_start = 0;
	in_archive = false;
	state = Start;
	if (!alloc_buffers()) {
		error("out of memory for the buffers");
		goto out;
	}
	while (!message && len) {
		unsigned long n;

		if (*buf == '0' && !(this_header & 3)) {
			state = Start;
			n = write_buffer(buf, len);
		} else if (!*buf) {
			n = 1;
			this_header++;
		} else {
			n = unpack_compressed(buf, len);
		}
		buf += n;
		len -= n;
	}
out:
	finish();
	return message;
}

void free_initrd_mem(unsigned long start, unsigned long end)
{
	phys_addr_t pstart = PAGE_ALIGN(__pa(start));
	phys_addr_t pend = ALIGN_DOWN(__pa(end), PAGE_SIZE);

	memblock_phys_free(pstart, pend - pstart);
	free_reserved_area((void *)start, (void *)end, POISON_FREE_INITMEM, "initrd");
}

void populate_rootfs(void)
{
	char *err;

	if (!phys_initrd_size)
		return;
	initrd_start = (unsigned long)__va(phys_initrd_start);
	initrd_end = initrd_start + phys_initrd_size;
	pr_info("Trying to unpack rootfs image as initramfs...\n");
	err = unpack_to_rootfs((char *)initrd_start, phys_initrd_size);
	if (err)
		pr_emerg("Initramfs unpacking failed: %s\n", err);
	free_initrd_mem(initrd_start, initrd_end);
	initrd_start = 0;
	initrd_end = 0;
}
