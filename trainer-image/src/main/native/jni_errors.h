// Turns C++ failures into Java exceptions. A C++ exception that escapes a JNI call
// aborts the whole JVM, and Gloo reports peer loss and timeouts as exceptions, so every
// entry point funnels through rethrowAsJava().
#pragma once

#include <jni.h>

#include <exception>
#include <stdexcept>
#include <string>

namespace vclip {

// Raised by the Java-backed store when a Java callback threw; the Java throwable stays
// pending in the JNIEnv and is rethrown as is (it already names the missing rank/key).
struct PendingJavaException : std::runtime_error {
  PendingJavaException() : std::runtime_error("pending Java exception") {}
};

inline void throwJava(JNIEnv* env, const char* className, const std::string& message) {
  jclass cls = env->FindClass(className);
  if (cls != nullptr) {
    env->ThrowNew(cls, message.c_str());
  }
}

inline void rethrowAsJava(JNIEnv* env, const char* what) {
  const char* collective = "io/vclip/trainer/distributed/CollectiveException";
  try {
    throw;
  } catch (const PendingJavaException&) {
    // already pending
  } catch (const std::exception& e) {
    if (!env->ExceptionCheck()) {
      throwJava(env, collective, std::string("gloo ") + what + " failed: " + e.what());
    }
  } catch (...) {
    if (!env->ExceptionCheck()) {
      throwJava(env, collective, std::string("gloo ") + what + " failed with an unknown C++ exception");
    }
  }
}

}  // namespace vclip
