# bash completion for inlscan(1)
_inlscan()
{
	local cur prev cmd i opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W 'scan denylist probes suffixes diff whatif report help --version --help' -- "$cur"))
		return
	fi
	case $prev in
	--format)
		case $cmd in
		denylist) COMPREPLY=($(compgen -W 'ftrace retsnoop bpftrace plain json' -- "$cur")) ;;
		probes) COMPREPLY=($(compgen -W 'kprobe uprobe perf bpftrace json' -- "$cur")) ;;
		esac
		return ;;
	--scope)
		COMPREPLY=($(compgen -W 'same_tu cross_tu any' -- "$cur"))
		return ;;
	--fail-on)
		COMPREPLY=($(compgen -W 'new-partial new-full renamed' -- "$cur"))
		return ;;
	-j|--jobs|--top|--by-dir|--min-sites|--changed|--glob)
		return ;;
	--dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--sysroot)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	-o|--output|--debug-file|--diff)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	esac
	if [[ $cur == -* ]]; then
		opts='-j --jobs -o --output -h --help --debug-file'
		case $cmd in
		scan|denylist|probes|suffixes|whatif|report) opts+=' --kernel --sysroot' ;;
		esac
		case $cmd in
		scan) opts+=' --json --sites --all --top --by-dir' ;;
		denylist) opts+=' --format --min-sites --scope --dir --allow-partial --glob --boot' ;;
		probes) opts+=' --format --allow-partial --check-bpftrace' ;;
		suffixes) opts+=' --json' ;;
		diff) opts+=' --json --by-dir --fail-on --livepatch --changed' ;;
		whatif) opts+=' --json --top --by-dir' ;;
		report) opts+=' --diff --by-dir' ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _inlscan inlscan
