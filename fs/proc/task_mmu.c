// SPDX-License-Identifier: GPL-2.0
/*
 * What /proc tells of a process's address space (Linux's
 * fs/proc/task_mmu.c), in Linux's formats:
 *
 *   /proc/PID/maps          one line per VMA
 *   /proc/PID/smaps         each VMA's line, then its page counts
 *   /proc/PID/smaps_rollup  the counts of all VMAs summed, one record
 *   /proc/PID/statm         seven page counts on one line
 *   /proc/PID/status        the Vm* and Rss* lines (task_mem())
 *   /proc/PID/pagemap       a u64 per virtual page (binary, seekable)
 *   /proc/PID/clear_refs    written: clears accessed or soft-dirty bits
 *
 * Every reader takes the mm with get_task_mm() (a kernel thread has none:
 * empty files, as Linux's), then mmap_lock for reading, so that the VMAs
 * and page tables stay while they are walked; each walk runs under the
 * mm's pte lock (mm->page_table_lock, as mprotect's and mlock's walks),
 * so the ptes it reads or changes are stable and it never sleeps.
 *
 * Counting a page (smaps): a present pte maps a page; the zero page and
 * special ptes count only as Rss of nothing (Linux skips them). A page
 * mapped once is private, more than once shared; Pss divides each page
 * by its mapcount, in units of 1 << PSS_SHIFT to keep the fraction.
 * Clean or dirty is the pte's dirty bit or the page's PG_dirty.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/rmap.h>
#include <linux/mmap_lock.h>
#include <linux/pagewalk.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/cred.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kstrtox.h>
#include <linux/vmstat.h>
#include <linux/errno.h>
#include <asm/tlbflush.h>
#include "internal.h"

#define PSS_SHIFT	12

/* The "Vm*" and "Rss*" lines of /proc/PID/status, in kB. */
void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = get_mm_counter(mm, MM_ANONPAGES);
	unsigned long file = get_mm_counter(mm, MM_FILEPAGES);
	unsigned long shmem = get_mm_counter(mm, MM_SHMEMPAGES);
	unsigned long hiwater_vm = max(mm->hiwater_vm, mm->total_vm);
	unsigned long hiwater_rss = max(mm->hiwater_rss, get_mm_rss(mm));
	unsigned long text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10;
	unsigned long exec = mm->exec_vm << (PAGE_SHIFT - 10);
	unsigned long lib = exec > text ? exec - text : 0;
	unsigned long ptes = atomic_long_read(&mm->pgtables_bytes);

	seq_printf(m, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\n"
		   "VmPin:\t%8lu kB\nVmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\n",
		   hiwater_vm << (PAGE_SHIFT - 10), mm->total_vm << (PAGE_SHIFT - 10),
		   mm->locked_vm << (PAGE_SHIFT - 10),
		   (unsigned long)atomic_long_read(&mm->pinned_vm) << (PAGE_SHIFT - 10),
		   hiwater_rss << (PAGE_SHIFT - 10), (anon + file + shmem) << (PAGE_SHIFT - 10));
	seq_printf(m, "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
		   anon << (PAGE_SHIFT - 10), file << (PAGE_SHIFT - 10),
		   shmem << (PAGE_SHIFT - 10));
	seq_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\nVmLib:\t%8lu kB\n"
		   "VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
		   mm->data_vm << (PAGE_SHIFT - 10), mm->stack_vm << (PAGE_SHIFT - 10),
		   text, lib, ptes >> 10,
		   get_mm_counter(mm, MM_SWAPENTS) << (PAGE_SHIFT - 10));
	seq_puts(m, "HugetlbPages:\t       0 kB\n");
}

/*
 * statm's counts, in pages: size, resident, shared (file and shmem),
 * text, lib (0 since Linux 2.6), data (data and stack VMAs), dt (0).
 */
int proc_pid_statm(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	unsigned long shared, text, data, resident;

	if (!mm) {
		seq_puts(m, "0 0 0 0 0 0 0\n");
		return 0;
	}
	shared = get_mm_counter(mm, MM_FILEPAGES) + get_mm_counter(mm, MM_SHMEMPAGES);
	resident = shared + get_mm_counter(mm, MM_ANONPAGES);
	text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	data = mm->data_vm + mm->stack_vm;
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", mm->total_vm, resident, shared, text, data);
	mmput(mm);
	return 0;
}

/* The name column of a maps line: the file, [heap], [stack], the backer's, or none. */
static const char *vma_special_name(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_ops && vma->vm_ops->name) {
		const char *name = vma->vm_ops->name(vma);

		if (name)
			return name;
	}
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

static void show_vma_name(struct seq_file *m, struct vm_area_struct *vma)
{
	const char *name = NULL;
	char *buf = NULL;

	if (vma->vm_file) {
		buf = kmalloc(PATH_MAX, GFP_KERNEL);
		name = buf ? d_path(&vma->vm_file->f_path, buf, PATH_MAX) : ERR_PTR(-ENOMEM);
		if (IS_ERR(name))
			name = "?";
	} else {
		name = vma_special_name(vma);
	}
	if (name) {
		seq_pad(m, ' ');
		seq_escape(m, name, "\n");
	}
	kfree(buf);
}

/* "start-end perms offset major:minor inode   name", as Linux's show_map_vma(). */
static void show_map_vma(struct seq_file *m, struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;
	unsigned long long pgoff = 0;
	unsigned long ino = 0;
	dev_t dev = 0;

	if (vma->vm_file) {
		struct inode *inode = file_inode(vma->vm_file);

		dev = inode->i_sb->s_dev;
		ino = inode->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p',
		   pgoff, MAJOR(dev), MINOR(dev), ino);
	show_vma_name(m, vma);
	seq_putc(m, '\n');
}

int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next)
		show_map_vma(m, vma);
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/* What smaps counts, for one VMA or (smaps_rollup) all. */
struct mem_size_stats {
	unsigned long resident;
	unsigned long shared_clean, shared_dirty;
	unsigned long private_clean, private_dirty;
	unsigned long referenced, anonymous, lazyfree;
	unsigned long swap;
	u64 pss, pss_anon, pss_file, pss_shmem, pss_dirty, pss_locked;
};

static void smaps_account(struct mem_size_stats *mss, struct page *page, bool young,
			  bool dirty, bool locked)
{
	struct folio *folio = page_folio(page);
	int mapcount = page_mapcount(page);
	u64 pss;

	if (folio_test_anon(folio)) {
		mss->anonymous += PAGE_SIZE;
		if (!folio_test_swapbacked(folio) && !dirty && !folio_test_dirty(folio))
			mss->lazyfree += PAGE_SIZE;
	}
	mss->resident += PAGE_SIZE;
	if (young || folio_test_referenced(folio))
		mss->referenced += PAGE_SIZE;
	dirty = dirty || folio_test_dirty(folio);
	if (mapcount < 1)
		mapcount = 1;	/* racing with the unmap: count it as ours */
	pss = ((u64)PAGE_SIZE << PSS_SHIFT) / mapcount;
	if (mapcount >= 2) {
		if (dirty)
			mss->shared_dirty += PAGE_SIZE;
		else
			mss->shared_clean += PAGE_SIZE;
	} else if (dirty) {
		mss->private_dirty += PAGE_SIZE;
	} else {
		mss->private_clean += PAGE_SIZE;
	}
	mss->pss += pss;
	if (dirty)
		mss->pss_dirty += pss;
	if (folio_test_anon(folio))
		mss->pss_anon += pss;
	else if (folio_test_swapbacked(folio))
		mss->pss_shmem += pss;
	else
		mss->pss_file += pss;
	if (locked)
		mss->pss_locked += pss;
}

static int smaps_pte_entry(pte_t *ptep, unsigned long addr, unsigned long next,
			   struct mm_walk *walk)
{
	struct mem_size_stats *mss = walk->private;
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte))
		return 0;
	page = vm_normal_page(walk->vma, addr, pte);
	if (page)
		smaps_account(mss, page, pte_young(pte), pte_dirty(pte),
			      walk->vma->vm_flags & VM_LOCKED);
	return 0;
}

static const struct mm_walk_ops smaps_walk_ops = {
	.pte_entry = smaps_pte_entry,
};

static void smap_gather_stats(struct vm_area_struct *vma, struct mem_size_stats *mss)
{
	spin_lock(&vma->vm_mm->page_table_lock);
	walk_page_range(vma->vm_mm, vma->vm_start, vma->vm_end, &smaps_walk_ops, mss);
	spin_unlock(&vma->vm_mm->page_table_lock);
}

static void show_kb(struct seq_file *m, const char *name, unsigned long bytes)
{
	show_val_kb(m, name, bytes >> 10);
}

static void show_smap_counts(struct seq_file *m, const struct mem_size_stats *mss,
			     bool rollup)
{
	show_kb(m, "Rss:", mss->resident);
	show_kb(m, "Pss:", mss->pss >> PSS_SHIFT);
	show_kb(m, "Pss_Dirty:", mss->pss_dirty >> PSS_SHIFT);
	if (rollup) {
		show_kb(m, "Pss_Anon:", mss->pss_anon >> PSS_SHIFT);
		show_kb(m, "Pss_File:", mss->pss_file >> PSS_SHIFT);
		show_kb(m, "Pss_Shmem:", mss->pss_shmem >> PSS_SHIFT);
	}
	show_kb(m, "Shared_Clean:", mss->shared_clean);
	show_kb(m, "Shared_Dirty:", mss->shared_dirty);
	show_kb(m, "Private_Clean:", mss->private_clean);
	show_kb(m, "Private_Dirty:", mss->private_dirty);
	show_kb(m, "Referenced:", mss->referenced);
	show_kb(m, "Anonymous:", mss->anonymous);
	show_kb(m, "LazyFree:", mss->lazyfree);
	show_kb(m, "AnonHugePages:", 0);
	show_kb(m, "ShmemPmdMapped:", 0);
	show_kb(m, "FilePmdMapped:", 0);
	show_kb(m, "Shared_Hugetlb:", 0);
	show_kb(m, "Private_Hugetlb:", 0);
	show_kb(m, "Swap:", mss->swap);
	show_kb(m, "SwapPss:", 0);
	show_kb(m, "Locked:", mss->pss_locked >> PSS_SHIFT);
}

/* VmFlags: Linux's two-letter mnemonics of the flags that are set. */
static void show_smap_vma_flags(struct seq_file *m, struct vm_area_struct *vma)
{
	static const struct { unsigned long flag; char name[3]; } mnemonics[] = {
		{ VM_READ, "rd" }, { VM_WRITE, "wr" }, { VM_EXEC, "ex" }, { VM_SHARED, "sh" },
		{ VM_MAYREAD, "mr" }, { VM_MAYWRITE, "mw" }, { VM_MAYEXEC, "me" },
		{ VM_MAYSHARE, "ms" }, { VM_GROWSDOWN, "gd" }, { VM_PFNMAP, "pf" },
		{ VM_LOCKED, "lo" }, { VM_IO, "io" }, { VM_SEQ_READ, "sr" },
		{ VM_RAND_READ, "rr" }, { VM_DONTCOPY, "dc" }, { VM_DONTEXPAND, "de" },
		{ VM_LOCKONFAULT, "lf" }, { VM_ACCOUNT, "ac" }, { VM_NORESERVE, "nr" },
		{ VM_HUGETLB, "ht" }, { VM_SYNC, "sf" }, { VM_WIPEONFORK, "wf" },
		{ VM_DONTDUMP, "dd" }, { VM_SOFTDIRTY, "sd" }, { VM_MIXEDMAP, "mm" },
		{ VM_HUGEPAGE, "hg" }, { VM_NOHUGEPAGE, "nh" }, { VM_MERGEABLE, "mg" },
		{ VM_UFFD_MISSING, "um" }, { VM_UFFD_WP, "uw" },
	};
	unsigned int i;

	seq_puts(m, "VmFlags: ");
	for (i = 0; i < ARRAY_SIZE(mnemonics); i++)
		if (vma->vm_flags & mnemonics[i].flag)
			seq_printf(m, "%s ", mnemonics[i].name);
	seq_putc(m, '\n');
}

int proc_pid_smaps(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct vm_area_struct *vma;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		struct mem_size_stats mss = { 0 };

		smap_gather_stats(vma, &mss);
		show_map_vma(m, vma);
		show_kb(m, "Size:", vma->vm_end - vma->vm_start);
		show_kb(m, "KernelPageSize:", PAGE_SIZE);
		show_kb(m, "MMUPageSize:", PAGE_SIZE);
		show_smap_counts(m, &mss, false);
		seq_printf(m, "THPeligible:    %d\n", 0);
		show_smap_vma_flags(m, vma);
	}
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/* One record over every VMA: the first VMA's start to the last one's end. */
int proc_pid_smaps_rollup(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = get_task_mm(task);
	struct mem_size_stats mss = { 0 };
	struct vm_area_struct *vma, *last = NULL;

	if (!mm)
		return 0;
	mmap_read_lock(mm);
	for (vma = mm->mmap; vma; last = vma, vma = vma->vm_next)
		smap_gather_stats(vma, &mss);
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_printf(m, "%08lx-%08lx ---p 00000000 00:00 0 ",
		   mm->mmap ? mm->mmap->vm_start : 0, last ? last->vm_end : 0);
	seq_pad(m, ' ');
	seq_puts(m, "[rollup]\n");
	show_smap_counts(m, &mss, true);
	mmap_read_unlock(mm);
	mmput(mm);
	return 0;
}

/*
 * /proc/PID/pagemap: entry N (8 bytes at offset 8 * N) describes virtual
 * page N. Bits as Linux's Documentation/admin-guide/mm/pagemap.rst:
 * 0-54 the PFN (zero for a reader without CAP_SYS_ADMIN at open), 55 soft-dirty, 56 exclusively mapped, 61 file page or
 * shared anonymous, 62 swapped, 63 present.
 */
#define PM_ENTRY_BYTES		sizeof(u64)
#define PM_PFRAME_BITS		55
#define PM_PFRAME_MASK		((1ULL << PM_PFRAME_BITS) - 1)
#define PM_SOFT_DIRTY		(1ULL << 55)
#define PM_MMAP_EXCLUSIVE	(1ULL << 56)
#define PM_FILE			(1ULL << 61)
#define PM_SWAP			(1ULL << 62)
#define PM_PRESENT		(1ULL << 63)
/* Entries gathered per mmap_lock hold: a page of them. */
#define PAGEMAP_WALK_ENTRIES	(PAGE_SIZE / PM_ENTRY_BYTES)

struct pagemapread {
	u64 *buffer;
	unsigned int pos, len;	/* entries filled, room */
	bool show_pfn;
};

static int add_to_pagemap(u64 entry, struct pagemapread *pm)
{
	pm->buffer[pm->pos++] = entry;
	return pm->pos >= pm->len ? 1 : 0;	/* full: the walk stops here */
}

/* A hole: in a VMA not yet cleared (VM_SOFTDIRTY) each page is soft-dirty; else 0. */
static int pagemap_pte_hole(unsigned long start, unsigned long end, int depth,
			    struct mm_walk *walk)
{
	struct pagemapread *pm = walk->private;
	u64 entry = walk->vma && (walk->vma->vm_flags & VM_SOFTDIRTY) ? PM_SOFT_DIRTY : 0;
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE)
		if (add_to_pagemap(entry, pm))
			return 1;
	return 0;
}

static u64 pte_to_pagemap_entry(struct pagemapread *pm, struct vm_area_struct *vma,
				unsigned long addr, pte_t pte)
{
	struct page *page;
	u64 entry;

	if (!pte_present(pte))
		return (vma->vm_flags & VM_SOFTDIRTY) ? PM_SOFT_DIRTY : 0;
	entry = PM_PRESENT;
	if (pm->show_pfn)
		entry |= pte_pfn(pte) & PM_PFRAME_MASK;
	if (pte_soft_dirty(pte) || (vma->vm_flags & VM_SOFTDIRTY))
		entry |= PM_SOFT_DIRTY;
	page = vm_normal_page(vma, addr, pte);
	if (page) {
		if (!PageAnon(page))
			entry |= PM_FILE;
		if (page_mapcount(page) == 1)
			entry |= PM_MMAP_EXCLUSIVE;
	}
	return entry;
}

static int pagemap_pte_entry(pte_t *ptep, unsigned long addr, unsigned long next,
			     struct mm_walk *walk)
{
	struct pagemapread *pm = walk->private;

	return add_to_pagemap(pte_to_pagemap_entry(pm, walk->vma, addr, ptep_get(ptep)), pm);
}

static const struct mm_walk_ops pagemap_walk_ops = {
	.pte_entry = pagemap_pte_entry,
	.pte_hole = pagemap_pte_hole,
};

/*
 * What an open pagemap or clear_refs file holds: the mm it was opened on
 * (mmgrab()ed until release, NULL for a kernel thread), and whether the
 * opener may see PFNs (CAP_SYS_ADMIN at open, as Linux).
 */
struct proc_mm_file {
	struct mm_struct *mm;
	bool show_pfn;
};

static int proc_mm_open(struct inode *inode, struct file *file)
{
	struct task_struct *task = find_get_task_by_vpid(PROC_I(inode)->pid);
	struct proc_mm_file *pmf;

	if (!task)
		return -ESRCH;
	pmf = kzalloc(sizeof(*pmf), GFP_KERNEL);
	if (!pmf) {
		put_task_struct(task);
		return -ENOMEM;
	}
	pmf->mm = get_task_mm(task);
	put_task_struct(task);
	if (pmf->mm) {
		mmgrab(pmf->mm);
		mmput(pmf->mm);
	}
	pmf->show_pfn = capable(CAP_SYS_ADMIN);
	file->private_data = pmf;
	return 0;
}

static int proc_mm_release(struct inode *inode, struct file *file)
{
	struct proc_mm_file *pmf = file->private_data;

	if (pmf->mm)
		mmdrop(pmf->mm);
	kfree(pmf);
	return 0;
}

/* Fill @pm from virtual page @svpfn on; returns the entries filled or -errno. */
static int pagemap_fill(struct mm_struct *mm, struct pagemapread *pm, unsigned long svpfn)
{
	unsigned long start = svpfn << PAGE_SHIFT;
	unsigned long end = start + ((unsigned long)pm->len << PAGE_SHIFT);
	int ret;

	if (end > TASK_SIZE_MAX || end < start)
		end = TASK_SIZE_MAX;
	pm->pos = 0;
	mmap_read_lock(mm);
	spin_lock(&mm->page_table_lock);
	ret = walk_page_range(mm, start, end, &pagemap_walk_ops, pm);
	spin_unlock(&mm->page_table_lock);
	mmap_read_unlock(mm);
	/* Every page of [start, end) is reported, an entry or a hole, until the buffer is full. */
	return ret < 0 ? ret : (int)pm->pos;
}

static ssize_t pagemap_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct proc_mm_file *pmf = iocb->ki_filp->private_data;
	struct mm_struct *mm = pmf->mm;
	size_t count = iov_iter_count(to);
	unsigned long svpfn;
	struct pagemapread pm;
	ssize_t done = 0;

	if (!mm || !mmget_not_zero(mm))
		return 0;
	if ((iocb->ki_pos % PM_ENTRY_BYTES) || (count % PM_ENTRY_BYTES)) {
		mmput(mm);
		return -EINVAL;
	}
	pm.show_pfn = pmf->show_pfn;
	pm.buffer = kmalloc(PAGEMAP_WALK_ENTRIES * PM_ENTRY_BYTES, GFP_KERNEL);
	if (!pm.buffer) {
		mmput(mm);
		return -ENOMEM;
	}
	svpfn = iocb->ki_pos / PM_ENTRY_BYTES;
	while (count && svpfn < (TASK_SIZE_MAX >> PAGE_SHIFT)) {
		int n;
		size_t bytes, copied;

		pm.len = min_t(unsigned long, PAGEMAP_WALK_ENTRIES, count / PM_ENTRY_BYTES);
		n = pagemap_fill(mm, &pm, svpfn);
		if (n <= 0) {
			if (n < 0 && !done)
				done = n;
			break;
		}
		bytes = (size_t)n * PM_ENTRY_BYTES;
		copied = copy_to_iter(pm.buffer, bytes, to);
		done += copied;
		count -= copied;
		svpfn += n;
		if (copied < bytes) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0)
		iocb->ki_pos += done;
	kfree(pm.buffer);
	mmput(mm);
	return done;
}

const struct file_operations proc_pagemap_operations = {
	.llseek = generic_file_llseek,
	.read_iter = pagemap_read,
	.open = proc_mm_open,
	.release = proc_mm_release,
};

/*
 * /proc/PID/clear_refs: "1" clears the accessed bits of every page (and
 * PG_referenced), "2" of anonymous pages, "3" of file pages; "4" clears
 * soft-dirty: each pte's bit, write-protecting it so the next write
 * faults and sets it again, and each VMA's VM_SOFTDIRTY; "5" resets the
 * peak RSS (VmHWM) to the current one.
 */
enum clear_refs_types {
	CLEAR_REFS_ALL = 1,
	CLEAR_REFS_ANON,
	CLEAR_REFS_MAPPED,
	CLEAR_REFS_SOFT_DIRTY,
	CLEAR_REFS_MM_HIWATER_RSS,
	CLEAR_REFS_LAST,
};

static int clear_refs_pte_entry(pte_t *ptep, unsigned long addr, unsigned long next,
				struct mm_walk *walk)
{
	enum clear_refs_types type = (enum clear_refs_types)(unsigned long)walk->private;
	struct vm_area_struct *vma = walk->vma;
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte))
		return 0;
	if (type == CLEAR_REFS_SOFT_DIRTY) {
		pte = ptep_get_and_clear(vma->vm_mm, addr, ptep);
		set_pte_at(vma->vm_mm, addr, ptep, pte_wrprotect(pte_clear_soft_dirty(pte)));
		return 0;
	}
	page = vm_normal_page(vma, addr, pte);
	if (!page)
		return 0;
	if ((type == CLEAR_REFS_ANON && !PageAnon(page)) ||
	    (type == CLEAR_REFS_MAPPED && PageAnon(page)))
		return 0;
	ptep_test_and_clear_young(vma, addr, ptep);
	ClearPageReferenced(page);
	return 0;
}

static const struct mm_walk_ops clear_refs_walk_ops = {
	.pte_entry = clear_refs_pte_entry,
};

static void clear_refs_mm(struct mm_struct *mm, enum clear_refs_types type)
{
	struct vm_area_struct *vma;

	if (type == CLEAR_REFS_MM_HIWATER_RSS) {
		mmap_write_lock(mm);
		reset_mm_hiwater_rss(mm);
		mmap_write_unlock(mm);
		return;
	}
	/* VM_SOFTDIRTY changes need the lock for writing; the ptes do not. */
	if (type == CLEAR_REFS_SOFT_DIRTY) {
		mmap_write_lock(mm);
		for (vma = mm->mmap; vma; vma = vma->vm_next)
			vma->vm_flags &= ~VM_SOFTDIRTY;
		mmap_write_downgrade(mm);
	} else {
		mmap_read_lock(mm);
	}
	spin_lock(&mm->page_table_lock);
	walk_page_range(mm, 0, TASK_SIZE_MAX, &clear_refs_walk_ops, (void *)(unsigned long)type);
	spin_unlock(&mm->page_table_lock);
	flush_tlb_mm(mm);
	mmap_read_unlock(mm);
}

static ssize_t clear_refs_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct proc_mm_file *pmf = iocb->ki_filp->private_data;
	struct mm_struct *mm = pmf->mm;
	size_t count = iov_iter_count(from);
	char buf[16] = { 0 };
	int type;

	if (count > sizeof(buf) - 1)
		count = sizeof(buf) - 1;
	if (copy_from_iter(buf, count, from) != count)
		return -EFAULT;
	if (kstrtoint(strim(buf), 10, &type))
		return -EINVAL;
	if (type < CLEAR_REFS_ALL || type >= CLEAR_REFS_LAST)
		return -EINVAL;
	if (mm && mmget_not_zero(mm)) {
		clear_refs_mm(mm, type);
		mmput(mm);
	}
	iocb->ki_pos += count;
	return count;
}

const struct file_operations proc_clear_refs_operations = {
	.llseek = noop_llseek,
	.write_iter = clear_refs_write,
	.open = proc_mm_open,
	.release = proc_mm_release,
};
