# Shared by the test scripts: TAP-style counters and assertions.
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok $((pass + fail)) - $*"
}

not_ok() {
	fail=$((fail + 1))
	echo "not ok $((pass + fail)) - $*"
}

# check_eq DESC WANT GOT
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1: want '$2', got '$3'"
	fi
}

# check_num DESC WANT GOT: equal, and both really numbers
check_num() {
	if [[ $2 =~ ^[0-9]+$ && $2 == "$3" ]]; then
		ok "$1 ($2)"
	else
		not_ok "$1: want number '$2', got '$3'"
	fi
}

# check_true DESC COMMAND...
check_true() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# jq_true FILTER FILE: the filter yields true
jq_true() {
	jq -e "$@" >/dev/null
}

# expect_refusal DESC PATTERN ARGS...: exit 1 (2 with WANT_RC=2), and
# stderr says PATTERN
expect_refusal() {
	local desc=$1 pattern=$2 err rc
	shift 2
	err=$("$INLSCAN" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ $rc = "${WANT_RC:-1}" ] && grep -q -- "$pattern" <<<"$err"; then
		ok "$desc"
	else
		not_ok "$desc: want exit ${WANT_RC:-1} and '$pattern', got $rc '$err'"
	fi
}

finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
