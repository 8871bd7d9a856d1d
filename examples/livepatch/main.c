#include "md.h"

/* keeps an out-of-line md_run, as an exported kernel function would */
int (*volatile md_run_ptr)(int) = md_run;

int main(int argc, char **argv)
{
	(void)argv;
	return md_run(argc) + md_run_all(argc) + md_run_ptr(argc);
}
