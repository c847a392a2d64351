// SPDX-License-Identifier: GPL-2.0
/*
 * Temporary kernel mappings: kmap_local_page() / kmap_atomic() through
 * per-CPU fixmap slots, kmap() through the global pkmap pool
 * (include/linux/highmem.h has the interface and when each one maps).
 *
 * DOC: where the mappings live (top of the address space; asm/fixmap.h,
 * Documentation/virtual-memory-map.md)
 *
 *   0xffffffffff600000  vsyscall page (not mapped)
 *   0xffffffffff5ff000  FIXADDR_TOP: FIX_HOLE, the APIC and IOAPIC slots
 *   0xffffffffff5f5000  FIX_KMAP_BEGIN: CPU 0 slot 0, counting down:
 *                       CPU c slot s at fix_to_virt(FIX_KMAP_BEGIN +
 *                       c * KM_MAX_IDX + s), 16 slots x NR_CPUS (64)
 *   0xffffffffff1f6000  FIX_KMAP_END: CPU 63 slot 15
 *   0xffffffffff0f6000  FIXADDR_START: early_memremap() slots below it
 *   0xffffffffff000000  FIXMAP_PMD_START: 3 PTE tables cover the fixmap
 *   0xfffffffffee00000  PKMAP_BASE: LAST_PKMAP (512) kmap() entries, one
 *                       PTE table (pkmap_page_table), up to 0xffffffffff000000
 *
 * Every PTE table is allocated by init_mem_mapping(), so mapping never
 * allocates and never fails.
 *
 * DOC: kmap_local
 *
 * A CPU's KM_MAX_IDX slots are a stack. The stack belongs to the running
 * task: current->kmap_ctrl.idx is its depth and pteval[] the entry of each
 * slot. Interrupts push on the interrupted task's stack and pop before they
 * return, so they nest like calls. When a task with slots in use is
 * switched out, its entries are cleared (and flushed from this CPU's TLB);
 * when it runs again they are written back (__kmap_local_sched_out/in). A
 * task with slots in use is not migrated (the load balancer skips it), so
 * its addresses stay those of its CPU. Only this CPU ever maps its slots,
 * hence unmapping flushes the local TLB only.
 *
 *   current->kmap_ctrl:   idx = 3
 *                         pteval[0] page A  -> CPU slot 0 maps A
 *                         pteval[1] none    -> unmapped out of order
 *                         pteval[2] page C  -> innermost mapping
 *
 * An unmap out of order (of slot 1 above while slot 2 is live) is
 * reported; the slot is cleared at once and its index is reclaimed when
 * everything above it is unmapped too.
 *
 * DOC: kmap and the pkmap pool
 *
 * pkmap_count[nr] says what entry nr (address PKMAP_ADDR(nr)) is doing:
 *
 *   0   free: not mapped, and no CPU holds a translation of it
 *   1   mapped, no user: its address may still be in some CPU's TLB
 *   n   mapped with n - 1 users
 *
 * kmap() of a page already in the pool (found through page_address_htable)
 * takes another reference to its entry; otherwise the next free entry
 * after last_pkmap_nr is taken. Each time the search wraps to entry 0,
 * every entry at 1 is unmapped and one TLB flush of the whole range goes
 * to every CPU (flush_all_zero_pkmaps), which is what makes 0 mean "no
 * stale translation anywhere". When nothing is free, kmap() sleeps on
 * pkmap_map_wait until a kunmap() brings an entry down to 1.
 *
 * Locking: kmap_lock (taken with interrupts on, never from an interrupt)
 * protects pkmap_count[], last_pkmap_nr, the hash and the pkmap PTEs; it
 * is held across the TLB flush, so no entry is reused before every CPU has
 * flushed it. kmap_lock nests outside pkmap_map_wait.lock. kmap_local
 * needs no lock: its state is per task and per CPU, changed with
 * interrupts off (an interrupt may push and pop slots of its own).
 */
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <asm/irqflags.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

bool kmap_local_force_map;

/* kmap_local.force_map=1 (a bare flag counts as 1, as a Linux bool parameter). */
static int kmap_local_force_map_setup(char *val)
{
	bool on = true;

	if (val && kstrtobool(val, &on))
		return -EINVAL;
	kmap_local_force_map = on;
	if (on)
		pr_info("kmap_local: force_map: kmap_local_page, kmap_atomic and kmap map through fixmap and pkmap slots\n");
	return 0;
}
early_param("kmap_local.force_map", kmap_local_force_map_setup);

/* ---- kmap_local ---------------------------------------------------------- */

static unsigned long kmap_local_slot_addr(unsigned int cpu, int slot)
{
	return fix_to_virt(FIX_KMAP_BEGIN + cpu * KM_MAX_IDX + slot);
}

/* The slot of @cpu that @addr (a kmap_local address) is, or -1 if another CPU's. */
static int kmap_local_addr_slot(unsigned int cpu, unsigned long addr)
{
	unsigned int n = virt_to_fix(addr) - FIX_KMAP_BEGIN;

	return n / KM_MAX_IDX == cpu ? (int)(n % KM_MAX_IDX) : -1;
}

static void kmap_local_clear_slot(unsigned long vaddr)
{
	set_pte(fixmap_pte(vaddr), __pte(0));
	__flush_tlb_one_kernel(vaddr);
}

void *__kmap_local_pfn_prot(unsigned long pfn, pgprot_t prot)
{
	struct kmap_ctrl *ctrl;
	unsigned long vaddr, flags;
	pte_t pteval = pfn_pte(pfn, prot);
	pte_t *pte;
	int slot;

	/* Interrupts off: an interrupt's own kmap_local must not see a half push. */
	local_irq_save(flags);
	ctrl = &current->kmap_ctrl;
	slot = ctrl->idx;
	if (WARN(slot >= KM_MAX_IDX,
		 "kmap_local: more than %d nested mappings on CPU%u, using the direct map\n",
		 KM_MAX_IDX, smp_processor_id())) {
		local_irq_restore(flags);
		return __va(PFN_PHYS(pfn));
	}
	vaddr = kmap_local_slot_addr(smp_processor_id(), slot);
	pte = fixmap_pte(vaddr);
	/* A free slot is clear (kunmap_local, sched_out): anything else is corruption. */
	BUG_ON(!pte_none(ptep_get(pte)));
	ctrl->pteval[slot] = pteval;
	ctrl->idx = slot + 1;
	set_pte(pte, pteval);
	local_irq_restore(flags);
	return (void *)vaddr;
}

void kunmap_local_indexed(const void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr & PAGE_MASK, flags;
	struct kmap_ctrl *ctrl;
	unsigned int cpu;
	int slot;

	local_irq_save(flags);
	cpu = smp_processor_id();
	ctrl = &current->kmap_ctrl;
	slot = kmap_local_addr_slot(cpu, addr);
	if (WARN(slot < 0 || slot >= ctrl->idx || pte_none(ctrl->pteval[slot]),
		 "kunmap_local: %px is not mapped by %s/%d on CPU%u\n",
		 vaddr, current->comm, current->pid, cpu))
		goto out;
	WARN(slot != ctrl->idx - 1,
	     "kunmap_local: %px unmapped out of order: slot %d, the innermost is slot %d\n",
	     vaddr, slot, ctrl->idx - 1);
	kmap_local_clear_slot(addr);
	ctrl->pteval[slot] = __pte(0);
	while (ctrl->idx && pte_none(ctrl->pteval[ctrl->idx - 1]))
		ctrl->idx--;
out:
	local_irq_restore(flags);
}

/* @prev leaves this CPU with slots in use: take them out of the page table. */
void __kmap_local_sched_out(struct task_struct *prev)
{
	unsigned int cpu = smp_processor_id();
	int i;

	for (i = 0; i < prev->kmap_ctrl.idx; i++)
		if (!pte_none(prev->kmap_ctrl.pteval[i]))
			kmap_local_clear_slot(kmap_local_slot_addr(cpu, i));
}

/*
 * @next comes back: put its slots back. They are clear and flushed (by the
 * sched_out of whoever ran here), so no TLB flush is needed.
 */
void __kmap_local_sched_in(struct task_struct *next)
{
	unsigned int cpu = smp_processor_id();
	int i;

	for (i = 0; i < next->kmap_ctrl.idx; i++)
		if (!pte_none(next->kmap_ctrl.pteval[i]))
			set_pte(fixmap_pte(kmap_local_slot_addr(cpu, i)), next->kmap_ctrl.pteval[i]);
}

/* ---- kmap: the pkmap pool ------------------------------------------------- */

pte_t *pkmap_page_table;

static DEFINE_SPINLOCK(kmap_lock);
static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static DECLARE_WAIT_QUEUE_HEAD(pkmap_map_wait);

/*
 * Which page each mapped entry holds, found by page through a hash of
 * singly linked chains (NULL-terminated: nothing to set up at boot).
 */
#define PA_HASH_BITS	7

struct page_address_map {
	struct page *page;
	struct page_address_map *next;	/* in the same bucket */
};

static struct page_address_map pkmap_maps[LAST_PKMAP];	/* by entry */
static struct page_address_map *page_address_htable[1 << PA_HASH_BITS];

static struct page_address_map **pa_bucket(const struct page *page)
{
	return &page_address_htable[hash_64((u64)(unsigned long)page, PA_HASH_BITS)];
}

/* @page's pkmap address, or 0. Called with kmap_lock held. */
static unsigned long pkmap_lookup(const struct page *page)
{
	struct page_address_map *m;

	for (m = *pa_bucket(page); m; m = m->next)
		if (m->page == page)
			return PKMAP_ADDR(m - pkmap_maps);
	return 0;
}

static void pkmap_insert(struct page *page, unsigned int nr)
{
	struct page_address_map **bucket = pa_bucket(page);

	pkmap_maps[nr].page = page;
	pkmap_maps[nr].next = *bucket;
	*bucket = &pkmap_maps[nr];
}

static void pkmap_remove(unsigned int nr)
{
	struct page_address_map *m = &pkmap_maps[nr], **pp = pa_bucket(m->page);

	while (*pp != m)
		pp = &(*pp)->next;
	*pp = m->next;
	m->page = NULL;
	m->next = NULL;
}

/* Unmap every entry without users; one TLB flush on every CPU if any was. */
static void flush_all_zero_pkmaps(void)
{
	bool need_flush = false;
	unsigned int nr;

	for (nr = 0; nr < LAST_PKMAP; nr++) {
		if (pkmap_count[nr] != 1)
			continue;
		pkmap_count[nr] = 0;
		pkmap_remove(nr);
		set_pte(&pkmap_page_table[nr], __pte(0));
		need_flush = true;
	}
	if (need_flush)
		flush_tlb_kernel_range(PKMAP_ADDR(0), PKMAP_ADDR(LAST_PKMAP));
}

/*
 * The next free entry after last_pkmap_nr, or -1 when none is. Passing
 * entry 0 frees the entries without users first, and the search then goes
 * once more round the whole pool.
 */
static int pkmap_find_free(void)
{
	unsigned int scanned;

	for (scanned = 0; scanned < LAST_PKMAP; scanned++) {
		last_pkmap_nr = (last_pkmap_nr + 1) & LAST_PKMAP_MASK;
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			scanned = 0;
		}
		if (!pkmap_count[last_pkmap_nr])
			return (int)last_pkmap_nr;
	}
	return -1;
}

/* Sleep until a kunmap_high() may have freed an entry. Drops kmap_lock meanwhile. */
static void pkmap_wait(void)
{
	DEFINE_WAIT(wait);

	prepare_to_wait(&pkmap_map_wait, &wait, TASK_UNINTERRUPTIBLE);
	spin_unlock(&kmap_lock);
	schedule();
	finish_wait(&pkmap_map_wait, &wait);
	spin_lock(&kmap_lock);
}

/* A pkmap entry for @page, which has none. Called with kmap_lock held. */
static unsigned long map_new_virtual(struct page *page)
{
	for (;;) {
		unsigned long vaddr;
		int nr = pkmap_find_free();

		if (nr >= 0) {
			set_pte(&pkmap_page_table[nr], pfn_pte(page_to_pfn(page), PAGE_KERNEL));
			pkmap_count[nr] = 1;
			pkmap_insert(page, (unsigned int)nr);
			return PKMAP_ADDR(nr);
		}
		pkmap_wait();
		/* Another task may have mapped the page while we slept. */
		vaddr = pkmap_lookup(page);
		if (vaddr)
			return vaddr;
	}
}

void *kmap_high(struct page *page)
{
	unsigned long vaddr;

	might_sleep();
	spin_lock(&kmap_lock);
	vaddr = pkmap_lookup(page);
	if (!vaddr)
		vaddr = map_new_virtual(page);
	pkmap_count[PKMAP_NR(vaddr)]++;
	BUG_ON(pkmap_count[PKMAP_NR(vaddr)] < 2);
	spin_unlock(&kmap_lock);
	return (void *)vaddr;
}

void kunmap_high(struct page *page)
{
	unsigned long vaddr;
	bool wake;

	spin_lock(&kmap_lock);
	vaddr = pkmap_lookup(page);
	if (WARN(!vaddr || pkmap_count[PKMAP_NR(vaddr)] < 2,
		 "kunmap: page %px (pfn %#lx) is not kmap()ed\n", page, page_to_pfn(page))) {
		spin_unlock(&kmap_lock);
		return;
	}
	wake = --pkmap_count[PKMAP_NR(vaddr)] == 1;
	spin_unlock(&kmap_lock);
	if (wake)
		wake_up(&pkmap_map_wait);
}

void kmap_flush_unused(void)
{
	spin_lock(&kmap_lock);
	flush_all_zero_pkmaps();
	spin_unlock(&kmap_lock);
}

/* ---- lookups and helpers ------------------------------------------------- */

struct page *kmap_to_page(void *vaddr)
{
	unsigned long addr = (unsigned long)vaddr;
	pte_t pte;

	if (addr >= PKMAP_BASE && addr < PKMAP_ADDR(LAST_PKMAP))
		pte = ptep_get(&pkmap_page_table[PKMAP_NR(addr)]);
	else if (is_kmap_local_addr(addr))
		pte = ptep_get(fixmap_pte(addr));
	else
		return virt_to_page(vaddr);
	if (WARN(!pte_present(pte), "kmap_to_page: %px is not mapped\n", vaddr))
		return NULL;
	return pfn_to_page(pte_pfn(pte));
}

/* Zero [start, end) of the (compound) page, one subpage mapping at a time. */
static void zero_user_range(struct page *page, unsigned int start, unsigned int end)
{
	while (start < end) {
		unsigned int offset = start % PAGE_SIZE;
		unsigned int len = min_t(unsigned int, end - start, PAGE_SIZE - offset);

		memzero_page(page + start / PAGE_SIZE, offset, len);
		start += len;
	}
}

void zero_user_segments(struct page *page, unsigned int start1, unsigned int end1,
			unsigned int start2, unsigned int end2)
{
	unsigned long size = PAGE_SIZE << compound_order(page);

	BUG_ON(end1 > size || end2 > size);
	zero_user_range(page, start1, end1);
	zero_user_range(page, start2, end2);
}
