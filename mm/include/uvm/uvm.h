/* uvm/uvm.h: everything of the memory system the rest of the kernel uses. */
#ifndef _UVM_UVM_H_
#define _UVM_UVM_H_

#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>

#endif /* _UVM_UVM_H_ */
