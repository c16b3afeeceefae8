/*
 * sys/queue.h: intrusive lists, with the names and argument order of
 * OpenBSD's queue(3), written afresh for Tine.  A list element embeds its
 * links (LIST_ENTRY, TAILQ_ENTRY); the macros take the element pointer and
 * the name of that field.
 *
 *   LIST:   doubly linked, head points at the first; O(1) removal anywhere.
 *   TAILQ:  doubly linked with a tail pointer; O(1) insert at either end.
 */
#ifndef _SYS_QUEUE_H_
#define _SYS_QUEUE_H_

#include <stddef.h>

#define LIST_HEAD(name, type)						\
struct name {								\
	struct type *lh_first;						\
}
#define LIST_HEAD_INITIALIZER(head)	{ NULL }
#define LIST_ENTRY(type)						\
struct {								\
	struct type *le_next;	/* next element */			\
	struct type **le_prev;	/* the pointer that points at us */	\
}
#define LIST_FIRST(head)	((head)->lh_first)
#define LIST_NEXT(elm, field)	((elm)->field.le_next)
#define LIST_EMPTY(head)	(LIST_FIRST(head) == NULL)
#define LIST_INIT(head)		do { LIST_FIRST(head) = NULL; } while (0)
#define LIST_FOREACH(var, head, field)					\
	for ((var) = LIST_FIRST(head); (var) != NULL;			\
	    (var) = LIST_NEXT(var, field))
#define LIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = LIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = LIST_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define LIST_INSERT_HEAD(head, elm, field) do {				\
	if (((elm)->field.le_next = (head)->lh_first) != NULL)		\
		(head)->lh_first->field.le_prev = &(elm)->field.le_next;\
	(head)->lh_first = (elm);					\
	(elm)->field.le_prev = &(head)->lh_first;			\
} while (0)
#define LIST_INSERT_AFTER(listelm, elm, field) do {			\
	if (((elm)->field.le_next = (listelm)->field.le_next) != NULL)	\
		(listelm)->field.le_next->field.le_prev =		\
		    &(elm)->field.le_next;				\
	(listelm)->field.le_next = (elm);				\
	(elm)->field.le_prev = &(listelm)->field.le_next;		\
} while (0)
#define LIST_REMOVE(elm, field) do {					\
	if ((elm)->field.le_next != NULL)				\
		(elm)->field.le_next->field.le_prev =			\
		    (elm)->field.le_prev;				\
	*(elm)->field.le_prev = (elm)->field.le_next;			\
	(elm)->field.le_prev = NULL;					\
	(elm)->field.le_next = NULL;					\
} while (0)

#define TAILQ_HEAD(name, type)						\
struct name {								\
	struct type *tqh_first;						\
	struct type **tqh_last;	/* the last element's next pointer */	\
}
#define TAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).tqh_first }
#define TAILQ_ENTRY(type)						\
struct {								\
	struct type *tqe_next;						\
	struct type **tqe_prev;						\
}
#define TAILQ_FIRST(head)	((head)->tqh_first)
#define TAILQ_NEXT(elm, field)	((elm)->field.tqe_next)
#define TAILQ_EMPTY(head)	(TAILQ_FIRST(head) == NULL)
#define TAILQ_INIT(head) do {						\
	(head)->tqh_first = NULL;					\
	(head)->tqh_last = &(head)->tqh_first;				\
} while (0)
#define TAILQ_FOREACH(var, head, field)					\
	for ((var) = TAILQ_FIRST(head); (var) != NULL;			\
	    (var) = TAILQ_NEXT(var, field))
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define TAILQ_INSERT_HEAD(head, elm, field) do {			\
	if (((elm)->field.tqe_next = (head)->tqh_first) != NULL)	\
		(head)->tqh_first->field.tqe_prev =			\
		    &(elm)->field.tqe_next;				\
	else								\
		(head)->tqh_last = &(elm)->field.tqe_next;		\
	(head)->tqh_first = (elm);					\
	(elm)->field.tqe_prev = &(head)->tqh_first;			\
} while (0)
#define TAILQ_INSERT_TAIL(head, elm, field) do {			\
	(elm)->field.tqe_next = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &(elm)->field.tqe_next;			\
} while (0)
#define TAILQ_REMOVE(head, elm, field) do {				\
	if ((elm)->field.tqe_next != NULL)				\
		(elm)->field.tqe_next->field.tqe_prev =			\
		    (elm)->field.tqe_prev;				\
	else								\
		(head)->tqh_last = (elm)->field.tqe_prev;		\
	*(elm)->field.tqe_prev = (elm)->field.tqe_next;			\
	(elm)->field.tqe_prev = NULL;					\
	(elm)->field.tqe_next = NULL;					\
} while (0)

#define SLIST_HEAD(name, type)						\
struct name {								\
	struct type *slh_first;						\
}
#define SLIST_ENTRY(type)						\
struct {								\
	struct type *sle_next;						\
}
#define SLIST_FIRST(head)	((head)->slh_first)
#define SLIST_NEXT(elm, field)	((elm)->field.sle_next)
#define SLIST_EMPTY(head)	(SLIST_FIRST(head) == NULL)
#define SLIST_INIT(head)	do { SLIST_FIRST(head) = NULL; } while (0)
#define SLIST_FOREACH(var, head, field)					\
	for ((var) = SLIST_FIRST(head); (var) != NULL;			\
	    (var) = SLIST_NEXT(var, field))
#define SLIST_INSERT_HEAD(head, elm, field) do {			\
	(elm)->field.sle_next = (head)->slh_first;			\
	(head)->slh_first = (elm);					\
} while (0)
#define SLIST_REMOVE_HEAD(head, field) do {				\
	(head)->slh_first = (head)->slh_first->field.sle_next;		\
} while (0)

#endif /* _SYS_QUEUE_H_ */
