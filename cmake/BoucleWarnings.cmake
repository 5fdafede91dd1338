# Warning flags every Boucle target uses; OpenCV and Qt come in as imported targets, so their
# headers are system headers and do not trip these flags.
add_library(boucle_warnings INTERFACE)
target_compile_options(boucle_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
if(BOUCLE_WARNINGS_AS_ERRORS)
    target_compile_options(boucle_warnings INTERFACE -Werror)
endif()
if(BOUCLE_SANITIZE)
    # Undefined behaviour stops the program, so that a test or a fuzzer run cannot pass over it.
    target_compile_options(boucle_warnings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(boucle_warnings INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(boucle_warnings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
