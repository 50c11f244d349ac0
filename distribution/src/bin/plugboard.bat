@echo off
rem Runs Plugboard from its release archive on Windows: "bin\plugboard serve" starts the server,
rem every other command administers it. Needs Java 17 or newer (JAVA_HOME or java on the PATH).
rem The JVM flags are the ones bin/plugboard uses (lib\jvm-serve.args, lib\jvm-cli.args); JAVA_OPTS
rem and PLUGBOARD_JAVA_OPTS add to them. No class-data archive here: see docs/distribution.md.
setlocal
set "plugboard_home=%~dp0.."
set "plugboard_java=java"
if defined JAVA_HOME set "plugboard_java=%JAVA_HOME%\bin\java"
if not defined PLUGBOARD_CONFIG if not exist plugboard.yml if exist "%plugboard_home%\config\plugboard.yml" set "PLUGBOARD_CONFIG=%plugboard_home%\config\plugboard.yml"
set "plugboard_flags=@%plugboard_home%\lib\jvm-cli.args"
if "%~1"=="serve" set "plugboard_flags=@%plugboard_home%\lib\jvm-serve.args"
"%plugboard_java%" "%plugboard_flags%" %JAVA_OPTS% %PLUGBOARD_JAVA_OPTS% -cp "%plugboard_home%\lib\*" dev.plugboard.bootstrap.PlugboardMain %*
exit /b %ERRORLEVEL%
