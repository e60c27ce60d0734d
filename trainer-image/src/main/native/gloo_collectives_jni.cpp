// JNI entry points of io.vclip.trainer.distributed.gloo.GlooNative: one process group per
// handle, float32 collectives on direct buffers (which may share memory with DJL tensors).
// Never include libtorch headers here: libtorch carries its own gloo copy, and only
// System.load's private symbol scope keeps the two apart (see STACK.md).
#include <jni.h>

#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include <gloo/allgather.h>
#include <gloo/allreduce.h>
#include <gloo/barrier.h>
#include <gloo/broadcast.h>
#include <gloo/rendezvous/context.h>
#include <gloo/transport/tcp/device.h>

#include "java_store.h"
#include "jni_errors.h"

namespace {

// Reduce-scatter runs as Gloo's ring all-reduce into a scratch buffer, keeping this rank's chunk.
// Gloo's only reduce-scatter here, the ReduceScatterHalvingDoubling template, was measured (i) wrong
// for world sizes that are not powers of two (W=3: rank 0 got 4000 where 3000 was due) and (ii)
// 2-3x slower than this for 8-32 MB on loopback (docs/benchmarks-distributed.md). The price is
// all-reduce traffic (2(W-1)/W of the buffer instead of (W-1)/W) on a real network.
// Scratch buffers are cached per element count so the training loop allocates nothing per step.
struct Group {
  std::shared_ptr<gloo::rendezvous::Context> context;
  std::map<long, std::vector<float>> reduceScatterScratch;
};

Group* group(jlong handle) { return reinterpret_cast<Group*>(handle); }

float* address(JNIEnv* env, jobject buffer, jlong byteOffset) {
  auto* base = static_cast<char*>(env->GetDirectBufferAddress(buffer));
  if (base == nullptr) {
    throw std::invalid_argument("buffer is not a direct buffer");
  }
  return reinterpret_cast<float*>(base + byteOffset);
}

void sumFloats(void* c, const void* a, const void* b, size_t n) {
  // gloo::sum<float> is overloaded (2- and 4-pointer forms); pin the 4-pointer one.
  static_cast<void (*)(void*, const void*, const void*, size_t)>(&gloo::sum<float>)(c, a, b, n);
}

}  // namespace

extern "C" {

JNIEXPORT jlong JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_connect(
    JNIEnv* env, jclass, jint rank, jint size, jstring bindHost, jobject storeBridge, jlong timeoutMs) {
  try {
    const char* host = env->GetStringUTFChars(bindHost, nullptr);
    gloo::transport::tcp::attr attr(host);
    env->ReleaseStringUTFChars(bindHost, host);
    auto device = gloo::transport::tcp::CreateDevice(attr);
    auto context = std::make_shared<gloo::rendezvous::Context>(rank, size);
    context->setTimeout(std::chrono::milliseconds(timeoutMs));
    vclip::JavaStore store(env, storeBridge);
    context->connectFullMesh(store, device);
    auto* g = new Group();
    g->context = context;
    return reinterpret_cast<jlong>(g);
  } catch (...) {
    vclip::rethrowAsJava(env, "rendezvous (connectFullMesh)");
    return 0;
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_allReduceSum(
    JNIEnv* env, jclass, jlong handle, jobject buffer, jlong byteOffset, jlong count, jint tag) {
  try {
    gloo::AllreduceOptions opts(group(handle)->context);
    opts.setOutput(address(env, buffer, byteOffset), static_cast<size_t>(count));
    opts.setReduceFunction(&sumFloats);
    opts.setTag(static_cast<uint32_t>(tag));
    gloo::allreduce(opts);
  } catch (...) {
    vclip::rethrowAsJava(env, "all-reduce");
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_reduceScatterSum(
    JNIEnv* env, jclass, jlong handle, jobject input, jlong inOffset, jobject output, jlong outOffset,
    jlong chunk, jint tag) {
  try {
    Group* g = group(handle);
    const long total = chunk * g->context->size;
    std::vector<float>& scratch = g->reduceScatterScratch[total];
    scratch.resize(total);
    gloo::AllreduceOptions opts(g->context);
    opts.setInput(address(env, input, inOffset), static_cast<size_t>(total));
    opts.setOutput(scratch.data(), static_cast<size_t>(total));
    opts.setReduceFunction(&sumFloats);
    opts.setTag(static_cast<uint32_t>(tag));
    gloo::allreduce(opts);
    std::memcpy(address(env, output, outOffset), scratch.data() + g->context->rank * chunk, chunk * sizeof(float));
  } catch (...) {
    vclip::rethrowAsJava(env, "reduce-scatter");
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_allGather(
    JNIEnv* env, jclass, jlong handle, jobject input, jlong inOffset, jobject output, jlong outOffset,
    jlong chunk, jint tag) {
  try {
    Group* g = group(handle);
    gloo::AllgatherOptions opts(g->context);
    opts.setInput(address(env, input, inOffset), static_cast<size_t>(chunk));
    opts.setOutput(address(env, output, outOffset), static_cast<size_t>(chunk * g->context->size));
    opts.setTag(static_cast<uint32_t>(tag));
    gloo::allgather(opts);
  } catch (...) {
    vclip::rethrowAsJava(env, "all-gather");
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_broadcast(
    JNIEnv* env, jclass, jlong handle, jobject buffer, jlong byteOffset, jlong count, jint root, jint tag) {
  try {
    gloo::BroadcastOptions opts(group(handle)->context);
    opts.setOutput(address(env, buffer, byteOffset), static_cast<size_t>(count));
    opts.setRoot(root);
    opts.setTag(static_cast<uint32_t>(tag));
    gloo::broadcast(opts);
  } catch (...) {
    vclip::rethrowAsJava(env, "broadcast");
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_barrier(
    JNIEnv* env, jclass, jlong handle, jint tag) {
  try {
    gloo::BarrierOptions opts(group(handle)->context);
    opts.setTag(static_cast<uint32_t>(tag));
    gloo::barrier(opts);
  } catch (...) {
    vclip::rethrowAsJava(env, "barrier");
  }
}

JNIEXPORT void JNICALL Java_io_vclip_trainer_distributed_gloo_GlooNative_close(JNIEnv* env, jclass, jlong handle) {
  try {
    delete group(handle);
  } catch (...) {
    vclip::rethrowAsJava(env, "close");
  }
}

}  // extern "C"
