package io.vclip.trainer.model.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block whose children and parameters carry plain names, so that the dotted path of every
 * parameter ({@code vision.blocks.3.attn.in_proj_weight}) is fixed by the code and can be matched
 * against checkpoint names. DJL's own child names get a numeric prefix ({@code 01vision}), which is why
 * the names are kept here as well.
 *
 * <p>Every parameter gets its shape when it is declared: shapes follow from the {@code ModelConfig}, so
 * no shape inference is needed and a model can be measured (parameter counts) without allocating it.
 */
public abstract class NamedBlock extends AbstractBlock {
  private final Map<String, NamedBlock> namedChildren = new LinkedHashMap<>();
  private final Map<String, Parameter> namedParameters = new LinkedHashMap<>();

  protected NamedBlock() {
    super((byte) 1);
  }

  protected final <B extends NamedBlock> B child(String name, B block) {
    addChildBlock(name, block);
    namedChildren.put(name, block);
    return block;
  }

  protected final Parameter param(
      String name, Shape shape, Parameter.Type type, Initializer init, boolean trainable) {
    Parameter p =
        addParameter(
            Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(shape)
                .optInitializer(init)
                .optRequiresGrad(trainable)
                .build());
    namedParameters.put(name, p);
    return p;
  }

  protected final Parameter param(String name, Shape shape, Parameter.Type type, Initializer init) {
    return param(name, shape, type, init, true);
  }

  /** The children in declaration order, by their plain names. */
  public final Map<String, NamedBlock> namedChildren() {
    return Collections.unmodifiableMap(namedChildren);
  }

  /** This block's own parameters (not its children's), by their plain names. */
  public final Map<String, Parameter> namedDirectParameters() {
    return Collections.unmodifiableMap(namedParameters);
  }

  /** The value of a parameter for this forward pass (the store may copy it to the input's device). */
  protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block b : namedChildren.values()) {
      b.initialize(manager, dataType);
    }
  }
}
