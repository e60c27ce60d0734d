// A gloo::rendezvous::Store whose keys live in a Java object (GlooStoreBridge), which in
// turn talks to the rank-0 TCP key-value store. Keeping the store protocol in Java lets the
// rendezvous errors name the missing rank and MASTER_ADDR in one place.
#pragma once

#include <jni.h>

#include <chrono>
#include <string>
#include <vector>

#include <gloo/rendezvous/store.h>

namespace vclip {

class JavaStore : public gloo::rendezvous::Store {
 public:
  // bridge must stay a valid local/global reference for the lifetime of this object; all
  // calls happen on the thread that owns env (connectFullMesh runs on the caller's thread).
  JavaStore(JNIEnv* env, jobject bridge);

  void set(const std::string& key, const std::vector<char>& data) override;
  std::vector<char> get(const std::string& key) override;
  void wait(const std::vector<std::string>& keys) override;
  void wait(const std::vector<std::string>& keys, const std::chrono::milliseconds& timeout) override;

 private:
  void checkJava();

  JNIEnv* env_;
  jobject bridge_;
  jmethodID set_;
  jmethodID get_;
  jmethodID wait_;
};

}  // namespace vclip
