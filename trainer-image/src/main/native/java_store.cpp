#include "java_store.h"

#include "jni_errors.h"

namespace vclip {

JavaStore::JavaStore(JNIEnv* env, jobject bridge) : env_(env), bridge_(bridge) {
  jclass cls = env->GetObjectClass(bridge);
  set_ = env->GetMethodID(cls, "set", "(Ljava/lang/String;[B)V");
  get_ = env->GetMethodID(cls, "get", "(Ljava/lang/String;)[B");
  wait_ = env->GetMethodID(cls, "waitFor", "([Ljava/lang/String;J)V");
  checkJava();
}

void JavaStore::checkJava() {
  if (env_->ExceptionCheck()) {
    throw PendingJavaException();
  }
}

void JavaStore::set(const std::string& key, const std::vector<char>& data) {
  jstring jkey = env_->NewStringUTF(key.c_str());
  jbyteArray value = env_->NewByteArray(static_cast<jsize>(data.size()));
  env_->SetByteArrayRegion(value, 0, static_cast<jsize>(data.size()),
                           reinterpret_cast<const jbyte*>(data.data()));
  env_->CallVoidMethod(bridge_, set_, jkey, value);
  env_->DeleteLocalRef(value);
  env_->DeleteLocalRef(jkey);
  checkJava();
}

std::vector<char> JavaStore::get(const std::string& key) {
  jstring jkey = env_->NewStringUTF(key.c_str());
  auto value = static_cast<jbyteArray>(env_->CallObjectMethod(bridge_, get_, jkey));
  env_->DeleteLocalRef(jkey);
  checkJava();
  std::vector<char> out(env_->GetArrayLength(value));
  env_->GetByteArrayRegion(value, 0, static_cast<jsize>(out.size()), reinterpret_cast<jbyte*>(out.data()));
  env_->DeleteLocalRef(value);
  return out;
}

void JavaStore::wait(const std::vector<std::string>& keys) {
  wait(keys, kDefaultTimeout);
}

void JavaStore::wait(const std::vector<std::string>& keys, const std::chrono::milliseconds& timeout) {
  jclass stringClass = env_->FindClass("java/lang/String");
  jobjectArray jkeys = env_->NewObjectArray(static_cast<jsize>(keys.size()), stringClass, nullptr);
  for (size_t i = 0; i < keys.size(); i++) {
    jstring k = env_->NewStringUTF(keys[i].c_str());
    env_->SetObjectArrayElement(jkeys, static_cast<jsize>(i), k);
    env_->DeleteLocalRef(k);
  }
  env_->CallVoidMethod(bridge_, wait_, jkeys, static_cast<jlong>(timeout.count()));
  env_->DeleteLocalRef(jkeys);
  env_->DeleteLocalRef(stringClass);
  checkJava();
}

}  // namespace vclip
