# Sourced by bench.sh and run.sh (from the project root): compiles main + test classes and sets $test_cp,
# the test-scope class path (offline first, online if a dependency is missing from the local repository).
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
cp_file=target/bench.classpath
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
test_cp="target/test-classes:target/classes:$(cat "$cp_file")"
