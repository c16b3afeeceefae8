/*
 * user/lib/rthread_attr.c: thread attributes, the two pthread_create
 * reads: the stack size (PTHREAD_STACK_MIN at least; 0 means the
 * default, RTHREAD_STACK_SIZE_DEF) and the detach state.
 */

#include <sys/types.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "rthread.h"

int
pthread_attr_init(pthread_attr_t *attr)
{
	attr->stacksize = RTHREAD_STACK_SIZE_DEF;
	attr->detachstate = PTHREAD_CREATE_JOINABLE;
	return 0;
}

int
pthread_attr_destroy(pthread_attr_t *attr)
{
	memset(attr, 0, sizeof(*attr));
	return 0;
}

int
pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->stacksize = size;
	return 0;
}

int
pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = attr->stacksize;
	return 0;
}

int
pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE &&
	    state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->detachstate = state;
	return 0;
}

int
pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->detachstate;
	return 0;
}
