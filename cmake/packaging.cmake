# Installing (`cmake --install`) and the Debian package (`cpack --preset deb`, CMake's own
# packager). What is installed is all a build needs at run time besides Debian's packages: the
# theme is compiled into the binary, fonts and hyphenation patterns come from Debian's packages.
include(GNUInstallDirs)

# metodika(1) and the bash completion are written by the binary from its own command line
# (generator/cli/manual.cc), so they say what --help says. gzip -n: no name or time in the
# header, so that the package is the same bytes for the same sources.
set(metodika_man ${CMAKE_BINARY_DIR}/metodika.1.gz)
set(metodika_completion ${CMAKE_BINARY_DIR}/metodika.bash-completion)
add_custom_command(
  OUTPUT ${metodika_man} ${metodika_completion}
  COMMAND $<TARGET_FILE:metodika> --man-page > metodika.1
  COMMAND gzip -9nf metodika.1
  COMMAND $<TARGET_FILE:metodika> --bash-completion > ${metodika_completion}
  DEPENDS metodika
  WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
  COMMENT "Writing metodika(1) and the bash completion from the command line's definition")
add_custom_target(metodika_manual ALL DEPENDS ${metodika_man} ${metodika_completion})

install(TARGETS metodika RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${metodika_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${metodika_completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME metodika)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/data-model.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/deploy/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        USE_SOURCE_PERMISSIONS)

set(CPACK_PACKAGE_NAME metodika)
set(CPACK_PACKAGE_VENDOR "Metodika")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "static site generator and report compiler for Latvia's teacher professional support system")
set(CPACK_PACKAGE_DESCRIPTION
    "Metodika reads a folder of YAML, JSON and Markdown and writes the public website, each \
municipality's education quality review as PDF and its Excel annexes.")
set(CPACK_PACKAGE_CONTACT "Metodika maintainers <metodika@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # metodika_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
# The runtime libraries the binary links (dpkg-shlibdeps reads them off the binary) and, since
# no library names them, the packages whose files it reads: the fonts and the Latvian
# hyphenation patterns (the Files section of metodika(1)).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, fonts-dejavu-extra, hyphen-lv")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx-light | nginx, rsync")
include(CPack)
