# Installs impactkit into a scratch prefix, builds tests/consumer against it
# with find_package(impactkit), and runs it on the minimal fixture.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(f bin/impactkit include/impactkit/content/loader.hpp include/impactkit/version.hpp
          lib/cmake/impactkit/impactkitConfig.cmake)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
if(EXISTS ${prefix}/include/impactkit/content/detail)
  message(FATAL_ERROR "internal headers (content/detail) were installed")
endif()
# Built with the flags the library was built with: under the `asan` preset
# the installed library needs the sanitizers' runtimes.
run(${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${WORK_DIR}/build -DCMAKE_PREFIX_PATH=${prefix}
    "-DCMAKE_CXX_FLAGS=${CONSUMER_CXX_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer ${FIXTURE})
if(NOT last_output MATCHES "1 case\\(s\\), first: Alfa")
  message(FATAL_ERROR "unexpected output: ${last_output}")
endif()
run(${prefix}/bin/impactkit validate ${FIXTURE})
message(STATUS "consumer: ${last_output}")
