# verbind.mpi (Python, mpi4py) and the `verbind` command under mpirun, np 1..4
# (issue 18): tests/mpi/python_ranks.py and tests/mpi/cli_ranks.py. Included
# from tests/CMakeLists.txt. The Python runs need mpiexec and the Python
# module; the CLI runs need a CLI built with MPI (VERBIND_MPI_ENABLED:
# top-level CMakeLists.txt compiles verbind_mpi_communicator in). Every run has a TIMEOUT: a hang fails, it never blocks ctest.
if(NOT MPIEXEC_EXECUTABLE)
  find_program(MPIEXEC_EXECUTABLE NAMES mpiexec mpirun)
endif()
if(NOT Python_EXECUTABLE)
  find_package(Python 3.9 COMPONENTS Interpreter)
endif()
if(MPIEXEC_EXECUTABLE AND Python_EXECUTABLE)
  if(VERBIND_BUILD_PYTHON AND NOT VERBIND_SANITIZE)
    foreach(np 1 2 3 4)
      add_test(NAME mpi_python_np${np}
               COMMAND ${MPIEXEC_EXECUTABLE} --oversubscribe --allow-run-as-root -np ${np}
                       ${Python_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/python_ranks.py)
      set_tests_properties(mpi_python_np${np} PROPERTIES TIMEOUT 240 PROCESSORS ${np}
                           ENVIRONMENT "PYTHONPATH=${PROJECT_BINARY_DIR}/python;OMP_NUM_THREADS=1")
    endforeach()
  endif()
  if(VERBIND_MPI_ENABLED)
    foreach(np 1 2 3 4)
      add_test(NAME mpi_cli_np${np}
               COMMAND ${Python_EXECUTABLE} ${CMAKE_CURRENT_LIST_DIR}/cli_ranks.py $<TARGET_FILE:verbind_cli>
                       ${MPIEXEC_EXECUTABLE} ${np})
      # Also in the sanitizer build (the CLI's ranks exit through ASan there);
      # ASan's leak check reports MPI's own allocations at exit.
      set_tests_properties(mpi_cli_np${np} PROPERTIES TIMEOUT 300 PROCESSORS ${np}
                           ENVIRONMENT "ASAN_OPTIONS=detect_leaks=0")
    endforeach()
  endif()
endif()
