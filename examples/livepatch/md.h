#ifndef MD_H
#define MD_H

int md_run(int level);
int md_run_all(int n);

#endif
