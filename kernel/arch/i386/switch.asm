; kernel/arch/i386/switch.asm: the hardware task switch and a new
; thread's first instructions.
;
; Every thread is an i386 task with its own TSS (in its PCB, machine/pcb.h)
; and a TSS descriptor in the GDT.  "jmp far" to a TSS selector is a task
; switch: the CPU stores every register of the running task (eip, esp,
; eflags, the general and segment registers) into the TSS that TR names,
; marks that descriptor available, loads TR with the new selector, marks
; it busy, and loads every register (cr3 included) from the new TSS.  It
; also sets CR0.TS, which is what makes FPU switching lazy (npx.c).
; docs/task-switching.md draws it.



global tss_jump, proc_trampoline
extern proc_trampoline_mi, trap_return

section .text

; void tss_jump(int sel)
;
; Switch to the task sel names.  The far pointer (offset, selector) is
; built on our own stack; the offset is ignored for a TSS.  Our state is
; saved with eip = the instruction after the jmp, so when some later
; switch comes back to this task it resumes here, pops the far pointer and
; returns to cpu_switchto() as if from a call.
;
;   before: [esp] ret, [esp+4] sel        after: the same, much later
tss_jump:
	push	dword [esp + 4]			; selector
	push	dword 0				; offset
	jmp	far [esp]
	add	esp, 8
	ret

; proc_trampoline: where a new thread's eip points (cpu_fork set it).
;
; The TSS started us with interrupts off on this stack:
;   [esp]     func        cpu_fork's arguments
;   [esp+4]   arg
;   [esp+8]   the trap frame that ends at the top of the u-area
; cpl is still IPL_SCHED from the thread that switched to us (it held
; sched_lock), so turning interrupts on lets no device in yet;
; proc_trampoline_mi() releases the lock and drops to IPL_NONE.  Then
; func(arg); if it returns (child_return does) we leave the kernel
; through the trap frame: the child's first instruction in user mode.
proc_trampoline:
	xor	ebp, ebp			; the end of backtraces
	sti
	call	proc_trampoline_mi
	pop	eax				; func; arg is now on top
	call	eax
	add	esp, 4				; esp = the trap frame
	jmp	trap_return

section .note.GNU-stack noalloc noexec nowrite progbits
