# BOUCLE_FUZZ: builds the libFuzzer targets of tests/fuzz (clang only; the `fuzz` preset). Every
# target of the tree is then compiled with coverage instrumentation, AddressSanitizer and
# UndefinedBehaviorSanitizer, so that the readers the fuzzers call are instrumented too; only
# boucle_core and the fuzzers are built by the preset.
option(BOUCLE_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(BOUCLE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "BOUCLE_FUZZ needs clang++ (libFuzzer); use `cmake --preset fuzz`")
    endif()
    if(BOUCLE_SANITIZE)
        message(FATAL_ERROR "BOUCLE_FUZZ brings its own sanitizers; leave BOUCLE_SANITIZE off")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
        -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
