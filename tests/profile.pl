#!/usr/bin/env perl
# tests/profile.pl: "make profile RUN='/bin/forkbench fork_exit_wait 20'".
#
# Where do the guest instructions go?  QEMU runs the run= ISO one
# instruction per translation block (-singlestep) and logs every block it
# executes (-d exec,nochain) to a pipe; this script reads the pipe, keeps
# the instructions between the first two executions of a marker function
# (sys_getppid by default: forkbench calls getppid() just before and just
# after its timed loop), and charges each to the function holding its
# address: kernel symbols from build/kernel.elf, user ones from the
# program that was run (an exec'd program's instructions are charged to
# the first program's names, so read "user" lines as user time only).
#
# usage: tests/profile.pl ISO KERNEL.ELF USER.ELF [MARKER]
use strict;
use warnings;
use File::Temp qw(tempdir);

my ($iso, $kernel, $user, $marker) = @ARGV;
die "usage: $0 ISO KERNEL.ELF USER.ELF [MARKER]\n" unless defined $user;
$marker //= 'sys_getppid';

# symbols FILE: [addresses ascending], [names], for the text symbols.
sub symbols {
	my ($file, $prefix) = @_;
	my (@a, @n);
	open(my $nm, '-|', 'i686-linux-gnu-nm', '-n', $file) or die "nm: $!";
	while (<$nm>) {
		next unless /^([0-9a-f]{8}) [tTwW] (\S+)/;
		push @a, hex($1);
		push @n, $prefix . $2;
	}
	close($nm);
	return (\@a, \@n);
}

my ($ka, $kn) = symbols($kernel, '');
my ($ua, $un) = symbols($user, 'user:');
my %marker_pc = map { $ka->[$_] => 1 } grep { $kn->[$_] eq $marker } 0 .. $#$kn;
die "$0: no symbol $marker in $kernel\n" unless %marker_pc;
my $marker_start = (keys %marker_pc)[0];

# [name of the function holding pc, 1 if pc is its first instruction],
# by binary search; cached per pc.
my %cache;
sub lookup {
	my ($pc) = @_;
	return $cache{$pc} if exists $cache{$pc};
	my ($a, $n) = $pc >= 0xc0000000 ? ($ka, $kn) : ($ua, $un);
	my ($lo, $hi) = (0, $#$a);
	return $cache{$pc} = ['?', 0] if $hi < 0 || $pc < $a->[0];
	while ($lo < $hi) {
		my $mid = int(($lo + $hi + 1) / 2);
		if ($a->[$mid] <= $pc) { $lo = $mid } else { $hi = $mid - 1 }
	}
	return $cache{$pc} = [$n->[$lo], $a->[$lo] == $pc];
}

my $dir = tempdir(CLEANUP => 1);
system('mkfifo', "$dir/trace") == 0 or die "mkfifo failed\n";
my $pid = fork() // die "fork: $!";
if ($pid == 0) {
	open(STDIN, '<', '/dev/null');
	open(STDOUT, '>', "$dir/serial.log");
	exec('qemu-system-i386', '-cdrom', $iso, '-m', '256', '-cpu',
	    'pentium3', '-nic', 'none', '-display', 'none', '-no-reboot',
	    '-icount', 'shift=0,sleep=off',
	    '-rtc', 'base=2026-01-01T00:00:00,clock=vm', '-serial', 'stdio',
	    '-singlestep', '-d', 'exec,nochain',
	    '-dfilter', '0x1000000..0xbfffffff,0xc0000000..0xc0ffffff',
	    '-D', "$dir/trace") or die "qemu: $!";
}
open(my $trace, '<', "$dir/trace") or die "$dir/trace: $!";
my ($state, $total, %count, %calls) = (0, 0);
while (<$trace>) {
	next unless /^Trace \d+: \S+ \[[0-9a-f]+\/([0-9a-f]+)\//;
	my $pc = hex($1);
	if ($pc == $marker_start && $state < 2) {
		$state++;
		next;
	}
	next unless $state == 1;
	my ($f, $entry) = @{lookup($pc)};
	$count{$f}++;
	$calls{$f} += $entry;
	$total++;
}
waitpid($pid, 0);
die "$0: marker $marker ran fewer than twice\n" if $state < 2;
# "calls" counts arrivals at the first instruction (a loop back to it
# counts too).
printf "%-32s %12s %6s %8s\n", 'function', 'instructions', '%', 'calls';
for my $f (sort { $count{$b} <=> $count{$a} } keys %count) {
	printf "%-32s %12d %6.2f %8d\n", $f, $count{$f},
	    100 * $count{$f} / $total, $calls{$f};
}
printf "%-32s %12d\n", 'total', $total;
